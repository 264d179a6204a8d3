import { describe, expect, it } from 'vitest';
import type { EarlierFinding } from '../../src/eval/eval-case.js';
import type { CaseResult } from '../../src/eval/eval-types.js';
import { replayFeedback } from '../../src/eval/replay-feedback.js';
import { selectAtThreshold } from '../../src/eval/select-at-threshold.js';
import { candidate, caseResult, expectedFinding } from './factories.js';

/** The false positive this team keeps dismissing: its stock checks keep the last unit on purpose. */
const safetyStock = (name: string, line: number) =>
  candidate({
    path: `src/${name}.ts`,
    startLine: line,
    endLine: line,
    title: `\`${name}\` refuses to sell the last units in stock`,
    body: 'With `left === wanted` the `<=` refuses an order for exactly the units left.',
    code: ['  if (left <= wanted) return false;'],
    confidence: 0.9,
  });

/** A real off-by-one, described in nearly the same words. */
const offByOne = candidate({
  path: 'src/restock.ts',
  startLine: 4,
  endLine: 4,
  title: '`restock` skips the last units in stock',
  body: 'With `i === count` the `<=` loop reads past the units left, so an order for exactly the units left is lost.',
  code: ['  for (let i = 0; i <= units.length; i += 1) restocked += units[i];'],
  confidence: 0.9,
});
const OFF_BY_ONE = expectedFinding({
  path: 'src/restock.ts',
  start_line: 4,
  end_line: 4,
  note: 'Off by one in `restock`.',
});

const DISMISSED: EarlierFinding = {
  path: 'src/stock.ts',
  category: 'bug',
  title: '`reserve` refuses to sell the last units in stock',
  body: 'With `available === count` the `<=` refuses an order for exactly the units left.',
  code: ['  if (available <= count) return false;'],
  fate: 'dismissed',
  by: 'reviewer',
};

const inRepository = (
  result: CaseResult,
  repository: string,
  earlier: EarlierFinding[] = [],
): CaseResult => ({
  ...result,
  case: { ...result.case, repository, earlier_findings: earlier },
});

const postedTitles = (result: CaseResult | undefined) =>
  selectAtThreshold(result?.candidates ?? [], 0.7, 5).map((finding) => finding.title);

describe('replayFeedback', () => {
  it('a false positive dismissed on the first case of a repository › held back on its later cases, not on another repository', () => {
    const results = [
      inRepository(caseResult('warehouse-1-batch', [], [safetyStock('reserveBatch', 3)]), 'warehouse'),
      inRepository(caseResult('warehouse-2-bulk', [], [safetyStock('reserveBulk', 3)]), 'warehouse'),
      inRepository(caseResult('orders-1-bulk', [], [safetyStock('reserveBulk', 3)]), 'orders'),
    ];
    const replayed = replayFeedback(results, 0.7);
    expect(replayed.map(postedTitles)).toEqual([
      ['`reserveBatch` refuses to sell the last units in stock'],
      [],
      ['`reserveBulk` refuses to sell the last units in stock'],
    ]);
    expect(replayed[1]?.candidates[0]?.outcome).toBe('similar-to-dismissed');
  });

  it('earlier findings a case carries › learned before it is scored; a real defect described alike is still posted', () => {
    const [replayed] = replayFeedback(
      [
        inRepository(
          caseResult('warehouse-3', [OFF_BY_ONE], [safetyStock('reserveBatch', 3), offByOne]),
          'warehouse',
          [DISMISSED],
        ),
      ],
      0.7,
    );
    expect(postedTitles(replayed)).toEqual(['`restock` skips the last units in stock']);
  });

  it('cases are replayed in the order of their ids, whatever order they ran in', () => {
    const replayed = replayFeedback(
      [
        inRepository(caseResult('warehouse-2-bulk', [], [safetyStock('reserveBulk', 3)]), 'warehouse'),
        inRepository(caseResult('warehouse-1-batch', [], [safetyStock('reserveBatch', 3)]), 'warehouse'),
      ],
      0.7,
    );
    expect(replayed.map(postedTitles)).toEqual([
      [],
      ['`reserveBatch` refuses to sell the last units in stock'],
    ]);
  });

  it('a case whose model failed › unchanged, and teaches nothing', () => {
    const failed = inRepository(
      caseResult('warehouse-1', [], [safetyStock('reserveBatch', 3)], { error: 'timed out' }),
      'warehouse',
    );
    const next = inRepository(caseResult('warehouse-2', [], [safetyStock('reserveBulk', 3)]), 'warehouse');
    const replayed = replayFeedback([failed, next], 0.7);
    expect(postedTitles(replayed[1])).toEqual(['`reserveBulk` refuses to sell the last units in stock']);
  });
});
