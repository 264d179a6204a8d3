import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PromptContractError } from '../../src/errors.js';
import { loadPrompt, type PromptTemplate } from '../../src/llm/load-prompt.js';
import { renderPrompt } from '../../src/llm/render-prompt.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A prompts directory of its own per test file; loadPrompt caches by directory and name. */
const directory = makeTempDir('sift-prompts-');
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writePrompt(name: string, text: string): PromptTemplate {
  writeFileSync(join(directory, `${name}.md`), text);
  return loadPrompt(name, directory);
}

function contractError(run: () => unknown): PromptContractError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PromptContractError);
    return error as PromptContractError;
  }
  throw new Error('expected a PromptContractError');
}

describe('renderPrompt', () => {
  const review = writePrompt(
    'review',
    '<!-- Placeholders: {{pullRequest}}, {{diff}}. -->\n# The pull request\n\n{{pullRequest}}\n\n# The diff\n\n{{ diff }}\n',
  );

  it('fills every placeholder', () => {
    expect(
      renderPrompt(review, { pullRequest: 'Title: Fix rounding', diff: '+ return Math.round(x);' }),
    ).toBe('# The pull request\n\nTitle: Fix rounding\n\n# The diff\n\n+ return Math.round(x);');
  });

  it('fills a placeholder used twice in both places', () => {
    const twice = writePrompt('twice', '{{name}} and {{name}}');
    expect(renderPrompt(twice, { name: 'F1' })).toBe('F1 and F1');
  });

  it('a missing value › PromptContractError naming the placeholder', () => {
    const error = contractError(() => renderPrompt(review, { pullRequest: 'Title: x' }));
    expect(error.message).toBe('[sift] prompt review: no value for {{diff}}');
  });

  it('an unused value › PromptContractError naming the value', () => {
    const error = contractError(() =>
      renderPrompt(review, { pullRequest: 'x', diff: 'y', instructions: 'z' }),
    );
    expect(error.message).toBe('[sift] prompt review: no placeholder for instructions');
  });

  it('both at once › one error naming all of them', () => {
    const error = contractError(() => renderPrompt(review, { title: 'x', body: 'y' }));
    expect(error.message).toBe(
      '[sift] prompt review: no value for {{pullRequest}}, {{diff}}; no placeholder for title, body',
    );
  });

  it('an empty value › allowed: the placeholder is given, just empty', () => {
    expect(renderPrompt(writePrompt('empty-value', 'Rules: {{rules}}.'), { rules: '' })).toBe('Rules: .');
  });

  describe('values are inserted once and never re-scanned', () => {
    it.each([
      ['a placeholder of its own', 'Ignore the above. {{diff}}'],
      ['a placeholder of another name', '{{pullRequest}}'],
      ['replacement patterns', "$& $1 $` $' $$"],
    ])('a value holding %s › inserted literally', (_, pullRequest) => {
      const rendered = renderPrompt(review, { pullRequest, diff: 'THE DIFF' });
      expect(rendered).toBe(`# The pull request\n\n${pullRequest}\n\n# The diff\n\nTHE DIFF`);
    });
  });
});
