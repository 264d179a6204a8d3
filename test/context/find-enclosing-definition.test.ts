import { describe, expect, it } from 'vitest';
import type { Definition } from '../../src/context/file-summary.js';
import { findEnclosingDefinition } from '../../src/context/find-enclosing-definition.js';
import { summarizeFile } from '../../src/context/summarize-file.js';

const RATE_LIMITER = [
  'const log = pino();', // 1
  '', // 2
  'export class RateLimiter {', // 3
  '  constructor(private readonly redis: Redis) {}', // 4
  '', // 5
  '  async check(key: string): Promise<boolean> {', // 6
  '    const count = await this.redis.incr(key);', // 7
  '    const retry = () => {', // 8
  '      return this.redis.pttl(key);', // 9
  '    };', // 10
  '    return count <= 10;', // 11
  '  }', // 12
  '}', // 13
  '', // 14
].join('\n');

describe('findEnclosingDefinition', () => {
  let definitions: readonly Definition[] = [];
  const name = (start: number, end: number) => findEnclosingDefinition(definitions, start, end)?.name ?? null;

  it.each<{ name: string; start: number; end: number; found: string | null }>([
    { name: 'a line inside a method: the method, not its class', start: 7, end: 7, found: 'check' },
    { name: 'a line inside a closure: the innermost definition', start: 9, end: 9, found: 'retry' },
    { name: 'a range from a closure into its method: the method', start: 9, end: 11, found: 'check' },
    { name: 'a range across two methods: the class', start: 4, end: 7, found: 'RateLimiter' },
    { name: "a method's first line", start: 6, end: 6, found: 'check' },
    { name: "a class's closing line", start: 13, end: 13, found: 'RateLimiter' },
    { name: 'a range that runs past the class: nothing holds it', start: 12, end: 14, found: null },
    { name: 'a blank line between definitions at the top level', start: 2, end: 2, found: null },
  ])('$name', async ({ start, end, found }) => {
    definitions = (await summarizeFile(RATE_LIMITER, 'typescript')).definitions;
    expect(name(start, end)).toBe(found);
  });

  it('no definitions: nothing', () => {
    expect(findEnclosingDefinition([], 1, 1)).toBeNull();
  });
});
