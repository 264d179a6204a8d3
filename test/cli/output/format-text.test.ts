import { describe, expect, it } from 'vitest';
import { formatText } from '../../../src/cli/output/format-text.js';
import type { ReviewOutcome } from '../../../src/review/types.js';
import { change, finding, outcome } from './sample-review.js';

// Any escape sequence or C0/C1 control but newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

// The SGR codes formatText writes itself: bold, dim, red, yellow and their resets.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing escape codes is the point
const OUR_CODES = /\u001b\[(?:1|2|22|31|33|39)m/g;

const plain = (review: ReviewOutcome) => formatText(review, change, { color: false });

describe('formatText', () => {
  it('with inline, removed-line and summary findings, held-back counts, a failed pass and skipped files › says all of it', () => {
    expect(plain(outcome)).toMatchInlineSnapshot(`
      "Sift reviewed 3 files at 60c8b97: 3 findings.

      inventory/reservations.py:42-43  bug · major · confidence 0.86
        reserve() refuses to sell the last units in stock
        With \`available == quantity\` the new \`<=\` comparison raises \`OutOfStock\`, so an order for exactly
        the remaining stock is rejected and the item shows as sold out while units are left on the shelf.
        Evidence: inventory/reservations.py:42, tests/test_reservations.py:18
        Suggested:
              if available < quantity:
                  raise OutOfStock(sku, available)

      inventory/api/items.py:17 (before the change)  security · critical · confidence 0.93
        DELETE /items/{sku} no longer requires the admin role
        The \`@require_role("admin")\` decorator was removed from \`delete_item\`, and nothing else checks the
        caller's role: any signed-in user can now delete catalogue items.
        Evidence: inventory/api/items.py:17 (before the change), inventory/auth.py:40-52

      inventory/models.py:30-88  api-contract · minor · confidence 0.72
        Item.to_dict() renames \`qty\` to \`quantity\` for every API client
        Clients of \`GET /items\` read \`qty\`; after this change the key is missing and the mobile app shows
        every item as out of stock.
        Evidence: inventory/models.py:31, inventory/models.py:86

      Held back: 1 below the confidence threshold; 1 rejected by the verifier
      Review passes: 3 of 4 answered (failed: concurrency-resources: The model did not answer in time.);
      findings verified
      Cross-file context: 4 snippets from 3 files, 2,150 of 8,000 tokens; 1 more snippet did not fit
      Model usage: 6 calls, 48,210 prompt tokens (40,960 cached), 3,127 completion tokens

      Not reviewed (3):
        poetry.lock — lockfile
        static/logo.png — binary file
        inventory/protos/items_pb2.py — generated file
      "
    `);
  });

  it('with nothing posted › says so in the headline and still reports what was reviewed and spent', () => {
    const quiet = { ...outcome, inline: [], summaryOnly: [], skippedFiles: [], filtered: {}, candidates: [] };
    expect(
      plain({ ...quiet, passes: { planned: 4, failed: [] }, context: { status: 'off' } }),
    ).toMatchInlineSnapshot(`
      "Sift reviewed 3 files at 60c8b97: nothing worth a comment.

      Held back: none
      Review passes: 4 of 4 answered; findings verified
      Cross-file context: off
      Model usage: 6 calls, 48,210 prompt tokens (40,960 cached), 3,127 completion tokens
      "
    `);
  });

  describe('colour', () => {
    it('on › bold titles and severity colours: critical red, major yellow, minor dim', () => {
      const text = formatText(outcome, change, { color: true });
      expect(text).toContain('\u001b[1mreserve() refuses to sell the last units in stock\u001b[22m');
      expect(text).toContain('security · \u001b[31mcritical\u001b[39m · confidence 0.93');
      expect(text).toContain('bug · \u001b[33mmajor\u001b[39m · confidence 0.86');
      expect(text).toContain('api-contract · \u001b[2mminor\u001b[22m · confidence 0.72');
    });

    it('off › not a single escape code', () => {
      expect(plain(outcome)).not.toContain('\u001b');
    });

    it('on or off › the same text once the codes are removed', () => {
      expect(formatText(outcome, change, { color: true }).replace(OUR_CODES, '')).toBe(plain(outcome));
    });
  });

  describe('model text that tries to drive the terminal', () => {
    const hostile = finding({
      path: 'inventory/\u001b[5mreservations.py',
      title: '\u001b[2J\u001b[HAll clear\u001b]0;pwned\u0007 — \u202enothing\u202c to see\r\u0008\u0008',
      body: 'Run this:\u001b[8m hidden \u001b[0m\r\nthen \u009b2Jthis.\u0000',
      evidence: ['\u001bcreset'],
      suggestion: '    return 1\u001b[1A\u001b[2K',
    });

    it('is printed without escape sequences or control characters, colour on or off', () => {
      for (const color of [false, true]) {
        const text = formatText({ ...outcome, inline: [hostile], summaryOnly: [] }, change, { color });
        expect(text.replace(OUR_CODES, '')).not.toMatch(CONTROL);
        expect(text).not.toContain('\u202e');
      }
    });

    it('keeps the readable words', () => {
      const text = plain({ ...outcome, inline: [hostile], summaryOnly: [] });
      expect(text.split('\n').slice(2, 8)).toEqual([
        'inventory/reservations.py:42-43  bug · major · confidence 0.86',
        '  All clear — nothing to see',
        '  Run this: hidden',
        '  then this.',
        '  Evidence: reset',
        '  Suggested:',
      ]);
    });
  });

  it('a long body › wrapped to 100 columns, indented under the finding, no word lost', () => {
    const body =
      'The retry loop sleeps for a fixed second and never backs off, so a burst of failures '.repeat(4);
    const text = plain({
      ...outcome,
      inline: [finding({ body, evidence: [], suggestion: null })],
      summaryOnly: [],
    });
    const bodyLines = (text.split('\n\n')[1] ?? '').split('\n').slice(2);
    expect(bodyLines.length).toBe(4);
    for (const line of bodyLines) {
      expect(line).toMatch(/^ {2}\S/);
      expect(line.length).toBeLessThanOrEqual(100);
    }
    expect(bodyLines.join(' ').split(/\s+/).filter(Boolean)).toEqual(body.split(/\s+/).filter(Boolean));
  });

  it('an empty suggestion › says the lines are to be deleted', () => {
    const text = plain({ ...outcome, inline: [finding({ suggestion: '' })], summaryOnly: [] });
    expect(text).toContain('  Suggested: delete these lines.\n');
  });

  it('more than ten skipped files › the first ten, then how many more', () => {
    const skippedFiles = Array.from({ length: 13 }, (_, index) => ({
      path: `vendor/lib${index}.py`,
      reason: 'vendored code',
    }));
    const footer = plain({ ...outcome, skippedFiles }).split('Not reviewed (13):\n')[1];
    expect(footer?.trimEnd().split('\n')).toEqual([
      ...skippedFiles.slice(0, 10).map((file) => `  ${file.path} — vendored code`),
      '  and 3 more',
    ]);
  });
});
