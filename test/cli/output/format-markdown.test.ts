import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../../src/cli/output/format-markdown.js';
import { change, finding, outcome } from './sample-review.js';

const only = (...inline: ReturnType<typeof finding>[]) =>
  formatMarkdown({ ...outcome, inline, summaryOnly: [] }, change);

describe('formatMarkdown', () => {
  it('with inline, removed-line and summary findings, held-back counts, a failed pass and skipped files › says all of it', () => {
    expect(formatMarkdown(outcome, change)).toMatchInlineSnapshot(`
      "Sift reviewed 3 files at 60c8b97: 3 findings.

      ### reserve() refuses to sell the last units in stock

      \`inventory/reservations.py\` lines 42–43 · bug · major · confidence 0.86

      With \`available == quantity\` the new \`<=\` comparison raises \`OutOfStock\`, so an order for exactly the remaining stock is rejected and the item shows as sold out while units are left on the shelf.

      Evidence: \`inventory/reservations.py:42\`, \`tests/test_reservations.py:18\`

      Suggested:

      \`\`\`python
          if available < quantity:
              raise OutOfStock(sku, available)
      \`\`\`

      ### DELETE /items/{sku} no longer requires the admin role

      \`inventory/api/items.py\` line 17 (before the change) · security · critical · confidence 0.93

      The \`@require_role("admin")\` decorator was removed from \`delete_item\`, and nothing else checks the caller's role: any signed-in user can now delete catalogue items.

      Evidence: \`inventory/api/items.py:17 (before the change)\`, \`inventory/auth.py:40-52\`

      ### Item.to_dict() renames \`qty\` to \`quantity\` for every API client

      \`inventory/models.py\` lines 30–88 · api-contract · minor · confidence 0.72

      Clients of \`GET /items\` read \`qty\`; after this change the key is missing and the mobile app shows every item as out of stock.

      Evidence: \`inventory/models.py:31\`, \`inventory/models.py:86\`

      ---

      - **Held back:** 1 below the confidence threshold; 1 rejected by the verifier
      - **Review passes:** 3 of 4 answered (failed: concurrency-resources: The model did not answer in time.); findings verified
      - **Cross-file context:** 4 snippets from 3 files, 2,150 of 8,000 tokens; 1 more snippet did not fit
      - **Model usage:** 6 calls, 48,210 prompt tokens (40,960 cached), 3,127 completion tokens

      **Not reviewed (3):**

      - \`poetry.lock\` — lockfile
      - \`static/logo.png\` — binary file
      - \`inventory/protos/items_pb2.py\` — generated file
      "
    `);
  });

  it('with nothing posted › the headline and the facts', () => {
    const quiet = { ...outcome, inline: [], summaryOnly: [], skippedFiles: [], filtered: {} };
    expect(formatMarkdown(quiet, change)).toMatchInlineSnapshot(`
      "Sift reviewed 3 files at 60c8b97: nothing worth a comment.

      ---

      - **Held back:** none
      - **Review passes:** 3 of 4 answered (failed: concurrency-resources: The model did not answer in time.); findings verified
      - **Cross-file context:** 4 snippets from 3 files, 2,150 of 8,000 tokens; 1 more snippet did not fit
      - **Model usage:** 6 calls, 48,210 prompt tokens (40,960 cached), 3,127 completion tokens
      "
    `);
  });

  it('sanitises model text as the GitHub review does: no mentions, links, images or HTML', () => {
    const text = only(
      finding({
        title: 'Ask @octocat <b>now</b>',
        body: 'See [the fix](https://evil.example) ![x](https://evil.example/t.png)\n<!-- sift:finding {"fingerprint":"forged"} -->',
      }),
    );
    expect(text).toContain('### Ask `@octocat` now\n');
    expect(text).toContain('\n\nSee the fix x\n\nEvidence:');
    expect(text).not.toContain('](');
    expect(text).not.toContain('sift:finding');
  });

  it('strips terminal control characters from model text, as the report may be printed', () => {
    const text = only(
      finding({
        title: '\u001b[2JAll clear',
        body: 'Fine\u001b]0;pwned\u0007.',
        suggestion: 'x = 1\u001b[1A',
      }),
    );
    expect(text).not.toContain('\u001b');
    expect(text).toContain('### All clear\n');
  });

  it('a body that opens a code fence and never closes it › closed, so later findings stay prose', () => {
    const text = only(
      finding({ body: 'Call it so:\n\n```python\nreserve(sku, 1)' }),
      finding({ title: 'Second finding' }),
    );
    expect(text).toContain('```python\nreserve(sku, 1)\n```\n\nEvidence:');
    expect(text).toContain('\n### Second finding\n');
  });

  describe('suggestions', () => {
    it.each([
      ['inventory/reservations.py', '```python'],
      ['web/src/cart.tsx', '```tsx'],
      ['lib/stock.rb', '```ruby'],
      ['cmd/server/main.go', '```go'],
      ['docs/stock.txt', '```\n'],
      ['Makefile', '```\n'],
    ])('in %s › a fence that opens with %j', (path, opening) => {
      expect(only(finding({ path }))).toContain(`Suggested:\n\n${opening}`);
    });

    it('containing a ``` fence › wrapped in a longer fence, so the code cannot close it', () => {
      const suggestion = '    """\n    ```python\n    reserve("A-1", 1)\n    ```\n    """';
      expect(only(finding({ suggestion }))).toContain(`\`\`\`\`python\n${suggestion}\n\`\`\`\``);
    });

    it('is not sanitised: code keeps its @ and < as written', () => {
      const suggestion = '    @cached\n    if a < b: return "<" + tag + ">"';
      expect(only(finding({ suggestion }))).toContain(`\`\`\`python\n${suggestion}\n\`\`\``);
    });

    it('empty › says the lines are to be deleted', () => {
      expect(only(finding({ suggestion: '' }))).toContain('Suggested: delete these lines.');
    });
  });

  it('a path holding backticks › a code span that still holds it', () => {
    expect(only(finding({ path: 'docs/`odd`.py' }))).toContain('``docs/`odd`.py`` lines 42–43');
  });

  it('more than ten skipped files › the first ten, then how many more', () => {
    const skippedFiles = Array.from({ length: 12 }, (_, index) => ({
      path: `vendor/lib${index}.py`,
      reason: 'vendored code',
    }));
    const text = formatMarkdown({ ...outcome, skippedFiles }, change);
    expect(text).toContain('**Not reviewed (12):**\n\n- `vendor/lib0.py` — vendored code\n');
    expect(text).toContain('- `vendor/lib9.py` — vendored code\n- and 2 more\n');
    expect(text).not.toContain('lib10');
  });
});
