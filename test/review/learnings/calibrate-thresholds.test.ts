import { describe, expect, it } from 'vitest';
import { calibrateThresholds, calibrationId } from '../../../src/review/learnings/calibrate-thresholds.js';
import { judgeFindings } from '../../../src/review/learnings/judge-findings.js';
import type { FeedbackSignal, SignalKind } from '../../../src/review/learnings/learning-types.js';
import { learnings, onAnotherPull, REPOSITORY, REVERSED_RANGE, signal } from './learning-factories.js';

/** `fixed` findings and `dismissed` ones (by reviewers) of the bug category, each on its own pull request. */
function outcomes(fixed: number, dismissed: number, at = 1_000): FeedbackSignal[] {
  const kinds: SignalKind[] = [...Array(fixed).fill('fixed'), ...Array(dismissed).fill('thumbs-down')];
  return kinds.map((kind, n) =>
    signal(onAnotherPull(REVERSED_RANGE, n), kind, { pull: 100 + n, at: at + n }),
  );
}

const calibrate = (signals: FeedbackSignal[], configured = 0.7, forgotten: Array<[string, number]> = []) => {
  const stored = learnings(signals, forgotten);
  return calibrateThresholds(REPOSITORY, judgeFindings(REPOSITORY, stored), stored.forgotten, configured);
};

describe('calibrateThresholds', () => {
  it.each([
    ['4 dismissed (fewer than 5 outcomes) › unchanged', 0, 4, 0.7, 0.7],
    ['5 dismissed › raised a little', 0, 5, 0.7, 0.73],
    ['20 dismissed › raised two thirds of the bound', 0, 20, 0.7, 0.77],
    ['300 dismissed › raised to the bound, not past it', 0, 300, 0.7, 0.8],
    ['20 fixed › lowered two thirds of the bound', 20, 0, 0.7, 0.63],
    ['300 fixed › lowered to the bound', 300, 0, 0.7, 0.6],
    ['300 fixed from 0.55 › lowered only to the floor of 0.5', 300, 0, 0.55, 0.5],
    ['300 fixed from 0.4, already under the floor › never lowered', 300, 0, 0.4, 0.4],
    ['300 dismissed from 0.95 › at most 1', 0, 300, 0.95, 1],
    ['10 fixed, 10 dismissed › unchanged', 10, 10, 0.7, 0.7],
    ['15 fixed, 5 dismissed › lowered a little', 15, 5, 0.7, 0.67],
  ])('%s', (_, fixed, dismissed, configured, threshold) => {
    expect(calibrate(outcomes(fixed, dismissed), configured)).toMatchObject([
      { category: 'bug', configured, threshold, accepted: fixed, dismissed, outcomes: fixed + dismissed },
    ]);
  });

  it('dismissals by authors with write access › weigh half, yet count as outcomes', () => {
    const signals = outcomes(0, 10).map((item) => ({ ...item, role: 'author-writer' as const }));
    expect(calibrate(signals)).toMatchObject([{ dismissed: 5, outcomes: 10, threshold: 0.73 }]);
  });

  it('dismissals by authors without write access › no outcome at all', () => {
    const signals = outcomes(0, 10).map((item) => ({ ...item, role: 'author' as const }));
    expect(calibrate(signals)).toEqual([]);
  });

  it('forgotten › outcomes from before the forget no longer count; later ones do', () => {
    const id = calibrationId(REPOSITORY, 'bug');
    const forgotten: Array<[string, number]> = [[id, 5_000]];
    expect(calibrate(outcomes(0, 30), 0.7, forgotten)).toEqual([]);
    expect(calibrate([...outcomes(0, 30), ...outcomes(0, 5, 6_000)], 0.7, forgotten)).toMatchObject([
      { id, outcomes: 5, threshold: 0.73 },
    ]);
  });
});
