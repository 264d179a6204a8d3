import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PromptContractError } from '../../src/errors.js';
import { loadPrompt, type PromptTemplate } from '../../src/llm/load-prompt.js';
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

describe('loadPrompt', () => {
  it('strips the leading HTML comment, which documents the prompt for people editing it', () => {
    const template = writePrompt(
      'commented',
      '<!--\nThe per-pass part of a review.\nPlaceholders: {{lens}}, {{fileOrder}}.\n-->\n# Your focus\n\n{{lens}}\n',
    );
    expect(template.text).toBe('# Your focus\n\n{{lens}}');
    expect([...template.placeholders]).toEqual(['lens']);
  });

  it('keeps an HTML comment that is not at the start, since it is part of the prompt', () => {
    const template = writePrompt('later-comment', 'Review this.\n<!-- not documentation -->\n');
    expect(template.text).toBe('Review this.\n<!-- not documentation -->');
  });

  it('strips only the first of two leading comments', () => {
    expect(writePrompt('two-comments', '<!-- a -->\n<!-- b -->\nText').text).toBe('<!-- b -->\nText');
  });

  it('collects each placeholder once, with or without spaces inside the braces', () => {
    const template = writePrompt(
      'spaced',
      '{{diff}} then {{ diff }} and {{  instructions }}; not {{2x}} or {x}',
    );
    expect(template.placeholders).toEqual(new Set(['diff', 'instructions']));
  });

  it('keeps a file without a comment as written, minus trailing whitespace', () => {
    expect(writePrompt('plain', 'Answer with JSON.\n\n\n').text).toBe('Answer with JSON.');
  });

  it('reads a file once per process', () => {
    const first = writePrompt('cached', 'First version.');
    writeFileSync(join(directory, 'cached.md'), 'Second version.');
    expect(loadPrompt('cached', directory)).toBe(first);
  });

  it('a missing file › PromptContractError naming the prompt and where it looked', () => {
    const error = contractError(() => loadPrompt('lenses/does-not-exist', directory));
    expect(error.message).toBe(
      `[sift] prompt lenses/does-not-exist not found in ${directory}: the installation is incomplete`,
    );
  });
});
