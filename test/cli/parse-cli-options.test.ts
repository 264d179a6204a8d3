import { describe, expect, it } from 'vitest';
import {
  EVAL_OPTIONS,
  evalOptionsSchema,
  parseCliOptions,
  REVIEW_OPTIONS,
  reviewOptionsSchema,
} from '../../src/cli/parse-cli-options.js';
import { UsageError } from '../../src/errors.js';

const review = (args: string[]) => parseCliOptions(args, REVIEW_OPTIONS, reviewOptionsSchema);
const evaluate = (args: string[]) => parseCliOptions(args, EVAL_OPTIONS, evalOptionsSchema);

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseCliOptions', () => {
  it.each([
    [['--max-comments', 'lots'], '--max-comments must be a whole number of 0 or more (got "lots")'],
    [['--max-comments', '-1'], '--max-comments must be a whole number of 0 or more (got "-1")'],
    [['--max-comments=-1'], '--max-comments must be a whole number of 0 or more (got "-1")'],
    [['--max-comments', '2.5'], '--max-comments must be a whole number of 0 or more (got "2.5")'],
    [['--max-comments', ''], '--max-comments must be a whole number of 0 or more (got "")'],
    [['--max-comments', '99'], '--max-comments must be 50 or less (got "99")'],
    [['--passes', '0'], '--passes must be a whole number of 1 or more (got "0")'],
    [['--passes', '0x4'], '--passes must be a whole number of 1 or more (got "0x4")'],
    [['--context-tokens', '1e4'], '--context-tokens must be a whole number of 0 or more (got "1e4")'],
    [['--threshold', 'high'], '--threshold must be a number from 0 to 1 (got "high")'],
    [['--threshold', '1.5'], '--threshold must be a number from 0 to 1 (got "1.5")'],
    [['--threshold', '-0.5'], '--threshold must be a number from 0 to 1 (got "-0.5")'],
    [['--format', 'xml'], '--format must be one of text, markdown, json, sarif (got "xml")'],
    [['--fail-on', 'all'], '--fail-on must be one of none, minor, major, critical (got "all")'],
  ])('review %j › %s', (args, message) => {
    expect(messageOf(() => review(args))).toBe(`[sift] ${message}`);
  });

  it.each([
    [['--concurrency', 'many'], '--concurrency must be a whole number of 1 or more (got "many")'],
    [['--concurrency', '17'], '--concurrency must be 16 or less (got "17")'],
    [['--format', 'sarif'], '--format must be one of markdown, json (got "sarif")'],
  ])('eval %j › %s', (args, message) => {
    expect(messageOf(() => evaluate(args))).toBe(`[sift] ${message}`);
  });

  it('numbers in range › parsed as numbers', () => {
    expect(review(['--max-comments', '0', '--threshold', '.85', '--passes', '8'])).toMatchObject({
      'max-comments': 0,
      threshold: 0.85,
      passes: 8,
    });
  });

  it('an option without its value › one line naming the option', () => {
    const message = messageOf(() => review(['--max-comments']));
    expect(message).toContain("--max-comments <value>' argument missing");
    expect(message).not.toContain('\n');
  });
});
