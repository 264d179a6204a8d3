import { describe, expect, it } from 'vitest';
import { computeCurve } from '../../src/eval/compute-curve.js';
import type { CaseResult } from '../../src/eval/eval-types.js';
import { candidate, caseResult, expectedFinding } from './factories.js';

// Six cases whose candidates spread over the whole confidence range, some of them matching,
// one case capped at two comments: enough for every threshold to change something.
const results: CaseResult[] = Array.from({ length: 6 }, (_, index) => {
  const path = `src/case${index}.ts`;
  const expected = [expectedFinding({ path, start_line: 10, end_line: 10, note: '`total` goes negative.' })];
  const confidences = [0.97, 0.81, 0.64, 0.5, 0.33, 0.12].map((value) => (value + index * 0.07) % 1);
  const candidates = confidences.map((confidence, rank) =>
    candidate({
      path,
      startLine: 10 + rank * 2,
      endLine: 10 + rank * 2,
      title: rank % 2 === 0 ? '`total` goes negative' : 'Another problem',
      confidence,
    }),
  );
  return caseResult(`case${index}`, index === 5 ? [] : expected, candidates, {
    maxComments: index === 3 ? 2 : 5,
  });
});

describe('computeCurve', () => {
  const curve = computeCurve(results);

  it('no thresholds given › every 0.05 from 0 to 1', () => {
    expect(curve.map((point) => point.threshold)).toEqual([
      0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
      0.95, 1,
    ]);
  });

  it('a higher threshold › never more comments, never more recall', () => {
    const pairs = curve.slice(1).map((point, index) => [curve[index], point] as const);
    for (const [lower, higher] of pairs) {
      expect(higher.commentsPerPr).toBeLessThanOrEqual(lower?.commentsPerPr ?? Number.NaN);
      expect(higher.recall).toBeLessThanOrEqual(lower?.recall ?? Number.NaN);
    }
    expect(curve.at(0)?.commentsPerPr).toBeGreaterThan(curve.at(-1)?.commentsPerPr ?? Number.NaN);
  });

  it('threshold 0 › every case posts up to its maxComments', () => {
    expect(curve[0]?.commentsPerPr).toBe((5 * 5 + 2) / 6);
  });

  it('threshold 0.9 › one defect found on its line, three comments elsewhere', () => {
    // Posted: case0 0.97 on line 10 (matches), case2 0.95 naming no identifier, case4 0.92 on
    // line 14 (4 lines off), case5 0.99 on a clean case.
    expect(computeCurve(results, [0.9])).toEqual([
      {
        threshold: 0.9,
        precision: 1 / 4,
        recall: 1 / 5,
        f1: expect.closeTo(2 / 9, 12),
        f05: expect.closeTo((1.25 * 0.05) / (0.0625 + 0.2), 12),
        commentsPerPr: 4 / 6,
      },
    ]);
  });

  it('no results › precision and recall undefined (null) at every threshold, no comments', () => {
    expect(computeCurve([], [0, 1])).toEqual([
      { threshold: 0, precision: null, recall: null, f1: null, f05: null, commentsPerPr: 0 },
      { threshold: 1, precision: null, recall: null, f1: null, f05: null, commentsPerPr: 0 },
    ]);
  });
});
