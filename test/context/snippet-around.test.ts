import { describe, expect, it } from 'vitest';
import type { Definition } from '../../src/context/file-summary.js';
import { snippetAround } from '../../src/context/snippet-around.js';

function definition(name: string, startLine: number, endLine: number): Definition {
  return { name, kind: 'function', startLine, endLine, signature: `function ${name}()` };
}

// A 200-line module: a 12-line helper, a 90-line handler with a 20-line closure in it, and
// top-level code after.
const DEFINITIONS = [
  definition('parseQuery', 5, 16),
  definition('handleCheckout', 20, 109),
  definition('retry', 60, 79),
];

describe('snippetAround', () => {
  it.each<{ name: string; line: number; range: [number, number]; definition: string | null }>([
    {
      name: 'a use in a short function: the whole function',
      line: 9,
      range: [5, 16],
      definition: 'parseQuery',
    },
    {
      name: 'a use in a short closure inside a long function: the closure',
      line: 70,
      range: [60, 79],
      definition: 'retry',
    },
    {
      name: 'a use in a long function: a window from 4 lines before to 14 after',
      line: 40,
      range: [36, 54],
      definition: 'handleCheckout',
    },
    {
      name: 'a window near the start of a long function stops at its first line',
      line: 22,
      range: [20, 36],
      definition: 'handleCheckout',
    },
    {
      name: 'a window near the end of a long function stops at its last line',
      line: 105,
      range: [101, 109],
      definition: 'handleCheckout',
    },
    { name: 'a use at the top level: a window in the file', line: 150, range: [146, 164], definition: null },
    { name: 'a use on the first line of the file', line: 1, range: [1, 15], definition: null },
    {
      name: 'a use near the end of the file stops at its last line',
      line: 195,
      range: [191, 200],
      definition: null,
    },
  ])('$name', ({ line, range, definition: expected }) => {
    const around = snippetAround(DEFINITIONS, line, 200);
    expect([around.startLine, around.endLine]).toEqual(range);
    expect(around.definition?.name ?? null).toBe(expected);
  });

  it('a function of exactly 30 lines is shown whole, one of 31 is not', () => {
    expect(snippetAround([definition('thirty', 10, 39)], 30, 100)).toMatchObject({
      startLine: 10,
      endLine: 39,
    });
    expect(snippetAround([definition('thirtyOne', 10, 40)], 30, 100)).toMatchObject({
      startLine: 26,
      endLine: 40,
    });
  });
});
