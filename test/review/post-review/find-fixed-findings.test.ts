import { describe, expect, it } from 'vitest';
import { findFixedFindings } from '../../../src/review/post-review/find-fixed-findings.js';
import type { FileAtRef } from '../../../src/review/pull-request-host.js';
import type { Candidate, PostedFinding } from '../../../src/review/types.js';
import { candidate, inventoryFile, postedFinding, RESERVE, scored } from '../support/sift-findings.js';

const STOCK = inventoryFile('head', 'src/stock.ts');

function edited(from: string, to: string): string {
  if (!STOCK.includes(from)) throw new Error(`no ${from} in src/stock.ts`);
  return STOCK.replace(from, to);
}

/** `reserve` as the fixing push left it. */
const FIXED_STOCK = edited('available <= count', 'available < count');
/** A push that added a helper above `reserve`, moving the flagged line down. */
const MOVED_STOCK = edited(
  "import type { Item } from './item.js';\n",
  "import type { Item } from './item.js';\n\nexport const EMPTY: ReadonlyMap<string, number> = new Map();\n",
);

/** The same defect as the re-review words it. */
const SAME_CLAIM = scored(RESERVE, {
  title: 'Off-by-one in `reserve`: the last unit can never be sold',
  body: 'When `available` equals `count`, the check `available <= count` is true and the order is refused although the stock covers it.',
  code: ['  if (available + 0 <= count) return false;'],
});
const OTHER_CLAIM = scored(RESERVE, {
  title: '`lowStock` sorts by name with the default locale',
  body: '`localeCompare` without a locale sorts differently on each server.',
  code: ['  return low.sort((a, b) => a.name.localeCompare(b.name));'],
  symbol: 'lowStock',
  category: 'maintainability',
});

/** Runs detection against `src/stock.ts` at the new head; returns the fixed titles and the paths read. */
async function fixedAfter(
  posted: readonly PostedFinding[],
  head: FileAtRef,
  candidates: readonly Candidate[] = [],
): Promise<{ fixed: string[]; read: string[] }> {
  const read: string[] = [];
  const fixed = await findFixedFindings(posted, candidates, async (path) => {
    read.push(path);
    return head;
  });
  return { fixed: fixed.map((item) => item.title), read };
}

const OPEN = postedFinding(scored(RESERVE));

describe('findFixedFindings', () => {
  it('the code it pointed at changed › fixed', async () => {
    expect(await fixedAfter([OPEN], { exists: true, text: FIXED_STOCK })).toEqual({
      fixed: [OPEN.title],
      read: ['src/stock.ts'],
    });
  });

  it('the code still in the file, moved down by a push › not fixed', async () => {
    expect((await fixedAfter([OPEN], { exists: true, text: MOVED_STOCK })).fixed).toEqual([]);
  });

  it('the code unchanged › not fixed', async () => {
    expect((await fixedAfter([OPEN], { exists: true, text: STOCK })).fixed).toEqual([]);
  });

  it('the file deleted › fixed', async () => {
    expect((await fixedAfter([OPEN], { exists: false, text: null })).fixed).toEqual([OPEN.title]);
  });

  it('the file present but unreadable (binary, too large) › not fixed: Sift cannot tell', async () => {
    expect((await fixedAfter([OPEN], { exists: true, text: null })).fixed).toEqual([]);
  });

  describe('the code changed, and the re-review', () => {
    it('makes the same claim again › not fixed', async () => {
      const { fixed } = await fixedAfter([OPEN], { exists: true, text: FIXED_STOCK }, [
        candidate(SAME_CLAIM),
      ]);
      expect(fixed).toEqual([]);
    });

    it('makes the same claim, though the verifier rejected it › not fixed', async () => {
      const rejected = { ...candidate(SAME_CLAIM), outcome: 'rejected-by-verifier' as const };
      expect((await fixedAfter([OPEN], { exists: true, text: FIXED_STOCK }, [rejected])).fixed).toEqual([]);
    });

    it('claims something else › fixed', async () => {
      const { fixed } = await fixedAfter([OPEN], { exists: true, text: FIXED_STOCK }, [
        candidate(OTHER_CLAIM),
      ]);
      expect(fixed).toEqual([OPEN.title]);
    });

    it('makes the same claim about another file › fixed', async () => {
      const elsewhere = scored(SAME_CLAIM, { path: 'src/warehouse/stock.ts' });
      const { fixed } = await fixedAfter([OPEN], { exists: true, text: FIXED_STOCK }, [candidate(elsewhere)]);
      expect(fixed).toEqual([OPEN.title]);
    });
  });

  describe('left alone, without reading the file', () => {
    it.each<[string, PostedFinding]>([
      ['a finding on removed lines (LEFT side)', postedFinding(scored(RESERVE, { side: 'LEFT' }))],
      ['a marker without the code span', { ...OPEN, marker: { fingerprint: OPEN.marker.fingerprint } }],
      ['a marker with a span but no line count', { ...OPEN, marker: { ...OPEN.marker, lines: undefined } }],
      ['a thread already resolved', { ...OPEN, isResolved: true, resolvedBy: 'octocat' }],
    ])('%s › never reported fixed', async (_, posted) => {
      expect(await fixedAfter([posted], { exists: false, text: null })).toEqual({ fixed: [], read: [] });
    });
  });

  it('several findings › only the fixed ones, in the order posted', async () => {
    const other = postedFinding(OTHER_CLAIM);
    const again = postedFinding(scored(RESERVE, { title: 'Reserving the last unit fails' }));
    const { fixed } = await fixedAfter([OPEN, other, again], { exists: true, text: FIXED_STOCK });
    expect(fixed).toEqual([OPEN.title, again.title]);
  });
});
