import { describe, expect, it } from 'vitest';
import { parseHunks } from '../../../src/diff/parse-hunks.js';
import type { DiffFile } from '../../../src/diff/types.js';
import { locateFindings } from '../../../src/review/ask-models/locate-findings.js';
import type { LocatedFinding, ProposedFinding, ReviewFile } from '../../../src/review/types.js';

function reviewFile(id: string, path: string, patch: string, overrides: Partial<DiffFile> = {}): ReviewFile {
  return {
    id,
    file: {
      path,
      previousPath: null,
      status: 'modified',
      patchState: 'present',
      hunks: parseHunks(patch, path),
      additions: 0,
      deletions: 0,
      ...overrides,
    },
  };
}

function proposal(
  startLineId: string,
  endLineId = startLineId,
  overrides: Partial<ProposedFinding> = {},
): ProposedFinding {
  return {
    pass: 'correctness',
    startLineId,
    endLineId,
    category: 'bug',
    severity: 'major',
    title: 'The last unit in stock can never be reserved',
    body: 'With `<=`, reserving exactly the available count returns false.',
    evidence: [],
    suggestion: null,
    ...overrides,
  };
}

/** Two hunks: a changed condition (head lines 3–8) and a removed function (base lines 20–26). */
const STOCK = reviewFile(
  'F1',
  'src/stock.ts',
  [
    "@@ -3,6 +3,6 @@ import type { Item } from './item.js';",
    ' /** Takes `count` units of an item out of stock; false when there are not enough. */',
    ' export function reserve(stock: Map<string, number>, id: string, count: number): boolean {',
    '   const available = stock.get(id) ?? 0;',
    '-  if (available < count) return false;',
    '+  if (available <= count) return false;',
    '   stock.set(id, available - count);',
    '   return true;',
    '@@ -20,7 +20,3 @@ export function totalValue(items: Item[], stock: Map<string, number>): number {',
    ' }',
    ' ',
    '-/** Puts units back, for example when an order is cancelled. */',
    '-export function release(stock: Map<string, number>, id: string, count: number): void {',
    '-  stock.set(id, (stock.get(id) ?? 0) + count);',
    '-}',
    ' export const VERSION = 2;',
  ].join('\n'),
);

const PRICE = reviewFile(
  'F2',
  'src/format/price.ts',
  [
    '@@ -4,3 +4,8 @@ export function formatPrice(cents: number): string {',
    '   const rest = cents % 100;',
    "   return '$' + dollars + '.' + String(rest).padStart(2, '0');",
    ' }',
    '+',
    '+/** Formats a price range, e.g. "$5.00–$9.99". */',
    '+export function formatRange(low: number, high: number): string {',
    "+  return formatPrice(low) + '–' + formatPrice(high);",
    '+}',
  ].join('\n'),
  { status: 'renamed', previousPath: 'src/util/format.ts' },
);

const FILES = [STOCK, PRICE];

const where = ({ path, side, startLine, endLine, withinOneHunk, code }: LocatedFinding) => ({
  path,
  side,
  startLine,
  endLine,
  withinOneHunk,
  code,
});

describe('locateFindings', () => {
  describe('with ids that are lines of the diff', () => {
    it.each([
      {
        name: 'one added line',
        ids: ['F1:R6', 'F1:R6'],
        expected: {
          path: 'src/stock.ts',
          side: 'RIGHT',
          startLine: 6,
          endLine: 6,
          withinOneHunk: true,
          code: ['  if (available <= count) return false;'],
        },
      },
      {
        name: 'a range of context and added lines',
        ids: ['F1:R5', 'F1:R7'],
        expected: {
          path: 'src/stock.ts',
          side: 'RIGHT',
          startLine: 5,
          endLine: 7,
          withinOneHunk: true,
          code: [
            '  const available = stock.get(id) ?? 0;',
            '  if (available <= count) return false;',
            '  stock.set(id, available - count);',
          ],
        },
      },
      {
        name: 'a reversed range (end before start)',
        ids: ['F1:R7', 'F1:R5'],
        expected: {
          path: 'src/stock.ts',
          side: 'RIGHT',
          startLine: 5,
          endLine: 7,
          withinOneHunk: true,
          code: [
            '  const available = stock.get(id) ?? 0;',
            '  if (available <= count) return false;',
            '  stock.set(id, available - count);',
          ],
        },
      },
      {
        name: 'one removed line',
        ids: ['F1:L6', 'F1:L6'],
        expected: {
          path: 'src/stock.ts',
          side: 'LEFT',
          startLine: 6,
          endLine: 6,
          withinOneHunk: true,
          code: ['  if (available < count) return false;'],
        },
      },
      {
        name: 'a removed function',
        ids: ['F1:L22', 'F1:L25'],
        expected: {
          path: 'src/stock.ts',
          side: 'LEFT',
          startLine: 22,
          endLine: 25,
          withinOneHunk: true,
          code: [
            '/** Puts units back, for example when an order is cancelled. */',
            'export function release(stock: Map<string, number>, id: string, count: number): void {',
            '  stock.set(id, (stock.get(id) ?? 0) + count);',
            '}',
          ],
        },
      },
      {
        name: 'a range spanning two hunks (only the diff lines are captured)',
        ids: ['F1:R7', 'F1:R21'],
        expected: {
          path: 'src/stock.ts',
          side: 'RIGHT',
          startLine: 7,
          endLine: 21,
          withinOneHunk: false,
          code: ['  stock.set(id, available - count);', '  return true;', '}', ''],
        },
      },
      {
        name: 'ids with whitespace around them',
        ids: [' F2:R8 ', 'F2:R10\n'],
        expected: {
          path: 'src/format/price.ts',
          side: 'RIGHT',
          startLine: 8,
          endLine: 10,
          withinOneHunk: true,
          code: [
            '/** Formats a price range, e.g. "$5.00–$9.99". */',
            'export function formatRange(low: number, high: number): string {',
            "  return formatPrice(low) + '–' + formatPrice(high);",
          ],
        },
      },
    ])('$name ($ids) › located', ({ ids, expected }) => {
      const [start = '', end = ''] = ids;
      const { located, rejected } = locateFindings([proposal(start, end)], FILES);
      expect(rejected).toEqual([]);
      expect(located.map(where)).toEqual([expected]);
    });

    it('a renamed file › located at its new path', () => {
      const { located } = locateFindings([proposal('F2:R9')], FILES);
      expect(located.map(({ path, startLine }) => [path, startLine])).toEqual([['src/format/price.ts', 9]]);
    });

    it('keeps what the model wrote and replaces the ids with the location', () => {
      const proposed = proposal('F1:R6', 'F1:R6', {
        pass: 'security',
        category: 'security',
        severity: 'critical',
        suggestion: '  if (available < count) return false;',
      });
      expect(locateFindings([proposed], FILES).located).toEqual([
        {
          pass: 'security',
          category: 'security',
          severity: 'critical',
          title: 'The last unit in stock can never be reserved',
          body: 'With `<=`, reserving exactly the available count returns false.',
          evidence: [],
          suggestion: '  if (available < count) return false;',
          path: 'src/stock.ts',
          side: 'RIGHT',
          startLine: 6,
          endLine: 6,
          withinOneHunk: true,
          code: ['  if (available <= count) return false;'],
          symbol: null,
        },
      ]);
    });
  });

  describe('with ids that are not lines of the diff', () => {
    it.each([
      { name: 'a head line between the hunks', ids: ['F1:R12', 'F1:R12'] },
      { name: 'a head line past the end of the diff', ids: ['F1:R999', 'F1:R999'] },
      { name: 'a base line that was not changed', ids: ['F1:L12', 'F1:L12'] },
      { name: 'a file that was not shown', ids: ['F9:R6', 'F9:R6'] },
      { name: 'a range starting outside the diff', ids: ['F1:R2', 'F1:R6'] },
      { name: 'a path and line as start', ids: ['src/stock.ts:6', 'F1:R6'] },
      { name: 'a side and line without the file as start', ids: ['R6', 'F1:R6'] },
      { name: 'an empty start', ids: ['', 'F1:R6'] },
      { name: 'a range written as one id', ids: ['F1:R5-7', 'F1:R5-7'] },
    ])('$name ($ids) › rejected, not moved to a nearby line', ({ ids }) => {
      const [start = '', end = ''] = ids;
      const proposed = proposal(start, end);
      const { located, rejected } = locateFindings([proposed], FILES);
      expect(located).toEqual([]);
      expect(rejected).toEqual([proposed]);
    });
  });

  describe('with a start in the diff and an end that is not', () => {
    it.each([
      { name: 'a range ending outside the diff', ids: ['F1:R6', 'F1:R12'], side: 'RIGHT', line: 6 },
      { name: 'an end in another file', ids: ['F1:R6', 'F2:R8'], side: 'RIGHT', line: 6 },
      { name: 'an end on the other side', ids: ['F1:L6', 'F1:R6'], side: 'LEFT', line: 6 },
      { name: 'a path and line as end', ids: ['F1:R5', 'src/stock.ts:7'], side: 'RIGHT', line: 5 },
      { name: 'a side and line without the file as end', ids: ['F1:R5', 'R7'], side: 'RIGHT', line: 5 },
      { name: 'an empty end', ids: ['F1:R6', ''], side: 'RIGHT', line: 6 },
    ])('$name ($ids) › kept on its start line alone', ({ ids, side, line }) => {
      const [start = '', end = ''] = ids;
      const { located, rejected } = locateFindings([proposal(start, end)], FILES);
      expect(rejected).toEqual([]);
      expect(located).toMatchObject([
        { path: 'src/stock.ts', side, startLine: line, endLine: line, withinOneHunk: true },
      ]);
    });
  });

  it('a mix of proposals › each located or rejected on its own, in the order proposed', () => {
    const proposals = [
      proposal('F2:R9', 'F2:R9', { title: 'first' }),
      proposal('F1:R12', 'F1:R12', { title: 'outside' }),
      proposal('F1:L6', 'F1:L6', { title: 'second' }),
      proposal('R6', 'R6', { title: 'malformed' }),
    ];
    const { located, rejected } = locateFindings(proposals, FILES);
    expect(located.map((finding) => finding.title)).toEqual(['first', 'second']);
    expect(rejected.map((finding) => finding.title)).toEqual(['outside', 'malformed']);
  });

  it('evidence cited by line id › shown as path:line, base lines marked, other citations kept', () => {
    const proposed = proposal('F1:R6', 'F1:R6', {
      evidence: [
        'F1:R6',
        'F1:L6',
        ' F2:R9 ',
        'F1:R14',
        'src/item.ts:12-20 ',
        'F9:R1',
        'the caller in cart.ts',
      ],
    });
    expect(locateFindings([proposed], FILES).located[0]?.evidence).toEqual([
      'src/stock.ts:6',
      'src/stock.ts:6 (before the change)',
      'src/format/price.ts:9',
      'src/stock.ts:14',
      'src/item.ts:12-20',
      'F9:R1',
      'the caller in cart.ts',
    ]);
  });

  it('no files › every proposal rejected', () => {
    const proposed = proposal('F1:R6');
    expect(locateFindings([proposed], [])).toEqual({ located: [], rejected: [proposed] });
  });
});
