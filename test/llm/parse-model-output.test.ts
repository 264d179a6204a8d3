import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelOutputInvalidError } from '../../src/errors.js';
import { parseModelOutput } from '../../src/llm/parse-model-output.js';

const schema = z.object({
  findings: z.array(z.object({ title: z.string(), line: z.number().int() })),
});
const ANSWER = { findings: [{ title: 'Off by one in the last page', line: 41 }] };
const JSON_TEXT = JSON.stringify(ANSWER);

function parseError(content: string): ModelOutputInvalidError {
  try {
    parseModelOutput(content, schema, 'review');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelOutputInvalidError);
    return error as ModelOutputInvalidError;
  }
  throw new Error('expected parseModelOutput to throw');
}

describe('parseModelOutput', () => {
  it.each([
    ['plain JSON', JSON_TEXT],
    ['pretty-printed JSON with surrounding whitespace', `\n  ${JSON.stringify(ANSWER, null, 2)}\n\n`],
    ['a ```json fence', `\`\`\`json\n${JSON_TEXT}\n\`\`\``],
    ['a bare ``` fence', `\`\`\`\n${JSON_TEXT}\n\`\`\``],
    ['a fence with trailing whitespace after it', `\`\`\`json\n${JSON_TEXT}\n\`\`\`\n  `],
    ['a fence without a newline before its end', `\`\`\`json\n${JSON_TEXT}\`\`\``],
  ])('%s › parsed', (_, content) => {
    expect(parseModelOutput(content, schema, 'review')).toEqual(ANSWER);
  });

  it('returns what the schema outputs (defaults applied, unknown keys stripped)', () => {
    const withDefault = z.object({ findings: z.array(z.string()).default([]) });
    expect(parseModelOutput('{"extra": true}', withDefault, 'review')).toEqual({ findings: [] });
  });

  describe('text that is not JSON', () => {
    it.each([
      ['prose', 'I found no problems in this change.'],
      ['JSON preceded by prose', `Here is my review:\n${JSON_TEXT}`],
      ['JSON cut off', '{"findings": [{"title": "Off by'],
      ['an empty answer', ''],
      ['two fences', `\`\`\`json\n${JSON_TEXT}\n\`\`\`\n\`\`\`json\n${JSON_TEXT}\n\`\`\``],
    ])('%s › ModelOutputInvalidError', (_, content) => {
      expect(parseError(content).message).toMatch(/^\[sift\] the review answer is not JSON: /);
    });

    it('quotes at most 120 characters of the answer', () => {
      const message = parseError(`Sure! ${'x'.repeat(500)}`).message;
      expect(message).toBe(
        `[sift] the review answer is not JSON: ${JSON.stringify(`Sure! ${'x'.repeat(114)}`)}`,
      );
    });
  });

  describe('JSON that does not match the schema', () => {
    it.each([
      ['a missing key', '{}', 'findings: '],
      ['a wrong type deep inside', '{"findings":[{"title":"t","line":"41"}]}', 'findings.0.line: '],
      ['a top-level array', '[]', '(root): '],
      ['null', 'null', '(root): '],
    ])('%s › ModelOutputInvalidError naming the path', (_, content, path) => {
      const { message } = parseError(content);
      expect(message).toMatch(/^\[sift\] the review answer does not match its schema: /);
      expect(message).toContain(path);
    });

    it('lists at most five problems', () => {
      const findings = Array.from({ length: 8 }, () => ({ title: 1, line: 'x' }));
      const { message } = parseError(JSON.stringify({ findings }));
      expect(message.split('; ')).toHaveLength(5);
    });
  });

  it('is retryable: another answer may parse', () => {
    expect(parseError('nope').retryable).toBe(true);
  });
});
