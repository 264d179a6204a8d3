import { computeMetrics } from './compute-metrics.js';
import type { CaseResult, CurvePoint } from './eval-types.js';

// 0, 0.05, …, 1: as i / 20 rather than summed steps, so 0.15 is 0.15 and not 0.15000000000000002.
const EVERY_FIVE_HUNDREDTHS = Array.from({ length: 21 }, (_, step) => step / 20);

/**
 * Precision, recall and comment volume at each threshold, scored from the recorded candidates
 * (selectAtThreshold, then matchFindings): how the default threshold is chosen by data.
 */
export function computeCurve(
  results: readonly CaseResult[],
  thresholds: readonly number[] = EVERY_FIVE_HUNDREDTHS,
): CurvePoint[] {
  return thresholds.map((threshold) => {
    const { precision, recall, f1, f05, commentsPerPr } = computeMetrics(results, threshold).metrics;
    return { threshold, precision, recall, f1, f05, commentsPerPr };
  });
}
