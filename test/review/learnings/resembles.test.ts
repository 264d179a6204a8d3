import { describe, expect, it } from 'vitest';
import { codeShape, shapeSimilarity } from '../../../src/review/learnings/code-shape.js';
import { findingTraits } from '../../../src/review/learnings/finding-traits.js';
import { resembles, SIMILAR_CLAIM } from '../../../src/review/learnings/resembles.js';
import type { Category } from '../../../src/review/types.js';
import { claimSimilarity } from '../../../src/review/verify-findings/claim-similarity.js';

interface Side {
  readonly path: string;
  readonly category?: Category;
  readonly code: string[];
  readonly title: string;
  readonly body: string;
}

const traits = (side: Side) =>
  findingTraits({
    fingerprint: '0000000000000000',
    category: side.category ?? 'bug',
    symbolKind: 'function',
    ...side,
  });

/** A finding a team dismissed: `reserve` keeps the last unit back on purpose (safety stock). */
const SAFETY_STOCK: Side = {
  path: 'src/stock.ts',
  code: ['  if (available <= count) return false;'],
  title: '`reserve` refuses to sell the last units in stock',
  body: 'With `available === count` the `<=` refuses an order for exactly the units left.',
};

/** A Python helper the team means to return None (its callers check). */
const RETURNS_NONE: Side = {
  path: 'app/users.py',
  code: ['        return None'],
  title: '`find_user` returns None instead of raising when the user is missing',
  body: 'Callers dereference the result without checking it.',
};

/** A Go cleanup whose error the team ignores on purpose: the file is in a temporary folder. */
const IGNORED_REMOVE: Side = {
  path: 'internal/cache/store.go',
  code: ['\t_ = os.Remove(tmp)'],
  title: 'The error from `os.Remove` is ignored',
  body: 'A temporary file that cannot be removed is left behind silently.',
};

describe('resembles: a new finding and one the team judged', () => {
  it('the off-by-one control is described like the dismissed finding (so only its shape tells them apart)', () => {
    const control = traits({
      path: 'src/stock.ts',
      code: ['  for (let i = 0; i <= units.length; i += 1) restocked += units[i];'],
      title: '`restock` skips the last units in stock',
      body: 'With `i === count` the `<=` loop reads past the units left, so an order for exactly the units left is lost.',
    });
    expect(claimSimilarity(control.claim, traits(SAFETY_STOCK).claim)).toBeGreaterThanOrEqual(SIMILAR_CLAIM);
  });

  it.each<[string, Side, Side, boolean]>([
    [
      'the same check on other names, the same claim about another function › alike',
      SAFETY_STOCK,
      {
        path: 'src/orders/batch.ts',
        code: ['    if (left <= wanted) return false;'],
        title: '`reserveBatch` refuses to sell the last units in stock',
        body: 'With `left === wanted` the `<=` refuses an order for exactly the units left.',
      },
      true,
    ],
    [
      'the same line inside a longer span › alike',
      SAFETY_STOCK,
      {
        ...SAFETY_STOCK,
        code: [
          '  const available = stock.get(id) ?? 0;',
          '  if (available <= count) return false;',
          '  stock.set(id, available - count);',
        ],
      },
      true,
    ],
    [
      'a real off-by-one described in the same words, on a loop › not alike (another shape)',
      SAFETY_STOCK,
      {
        path: 'src/stock.ts',
        code: ['  for (let i = 0; i <= units.length; i += 1) restocked += units[i];'],
        title: '`restock` skips the last units in stock',
        body: 'With `i === count` the `<=` loop reads past the units left, so an order for exactly the units left is lost.',
      },
      false,
    ],
    [
      'the same check with `<`, the strictness a finding is about › not alike',
      SAFETY_STOCK,
      { ...SAFETY_STOCK, code: ['  if (available < count) return false;'] },
      false,
    ],
    [
      'the same code, another claim › not alike',
      SAFETY_STOCK,
      {
        ...SAFETY_STOCK,
        title: '`reserve` races with concurrent orders',
        body: 'Two orders can both pass the check on the shared map and oversell.',
      },
      false,
    ],
    [
      'the same code and claim, filed as security › not alike (another family)',
      SAFETY_STOCK,
      { ...SAFETY_STOCK, category: 'security' },
      false,
    ],
    [
      'a bug and an api-contract finding of the same problem › alike (one family)',
      SAFETY_STOCK,
      { ...SAFETY_STOCK, category: 'api-contract' },
      true,
    ],
    [
      'Python: `return None` in another lookup, the same complaint › alike',
      RETURNS_NONE,
      {
        path: 'app/orders.py',
        code: ['            return None'],
        title: '`get_order` returns None instead of raising when the order is missing',
        body: 'Callers dereference the result without checking it.',
      },
      true,
    ],
    [
      'the same Python claim about TypeScript code › not alike (another language)',
      RETURNS_NONE,
      { ...RETURNS_NONE, path: 'src/users.ts', code: ['    return None'] },
      false,
    ],
    [
      'Go: another ignored `os.Remove` › alike',
      IGNORED_REMOVE,
      {
        path: 'internal/lock/lock.go',
        code: ['\t_ = os.Remove(lockPath)'],
        title: 'The error from `os.Remove` is ignored',
        body: 'A lock file that cannot be removed is left behind silently, and the next run blocks.',
      },
      true,
    ],
    [
      'Go: an ignored `Close` on a written file › not alike',
      IGNORED_REMOVE,
      {
        path: 'internal/cache/store.go',
        code: ['\tdefer f.Close()'],
        title: 'The error from `f.Close` is ignored',
        body: 'A write that fails on close is reported as success.',
      },
      false,
    ],
  ])('%s', (_, judged, finding, expected) => {
    expect(resembles(traits(finding), traits(judged))).toBe(expected);
  });
});

describe('codeShape', () => {
  it.each([
    [
      'names and layout abstracted',
      ['  if (available <= count) return false;'],
      'if ( x <= x ) return false ;',
    ],
    [
      'strings and numbers abstracted',
      ['const limit = parse("12", 10) ?? 0;'],
      'const x = x ( s , 0 ) ?? 0 ;',
    ],
    ['a trailing comment dropped', ['  total += price; // in cents'], 'x += x ;'],
    ['a comment line dropped, a C directive kept', ['# the limit', '#include <stdio.h>'], '# x < x . x >'],
    ['Python keywords kept', ['    if user is None: return None'], 'if x is None : return None'],
  ])('%s', (_, lines, shape) => {
    expect(codeShape(lines)).toBe(shape);
  });

  it('a long span › at most 120 tokens', () => {
    expect(codeShape(Array.from({ length: 100 }, () => 'a = b;')).split(' ')).toHaveLength(120);
  });
});

describe('shapeSimilarity', () => {
  it.each([
    ['identical', 'if ( x <= x ) return false ;', 'if ( x <= x ) return false ;', 1],
    ['an empty shape', '', 'if ( x ) return ;', 0],
    ['nothing shared', 'return None', 'x += x ;', 0],
  ])('%s › %s', (_, a, b, expected) => {
    expect(shapeSimilarity(a, b)).toBe(expected);
    expect(shapeSimilarity(b, a)).toBe(expected);
  });
});
