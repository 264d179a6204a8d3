import { compareText } from '../compare-text.js';
import type { JudgedFinding } from './judge-findings.js';
import { learningId } from './learning-id.js';

// The calibrated threshold stays within this of the configured one: learning tunes, never overrules.
export const MAX_SHIFT = 0.1;
// Nor below this, whatever a team keeps fixing: under it the computed confidence is mostly one
// unverified vote (compute-confidence.ts), which no amount of past fixes makes worth posting.
export const THRESHOLD_FLOOR = 0.5;
// Fewer outcomes than this in a category move nothing: a few could be chance.
export const MIN_OUTCOMES = 5;
// Outcomes count against this many imagined even ones, so the shift grows with the evidence:
// 5 one-sided outcomes move a third of MAX_SHIFT, 20 two thirds of it.
const PRIOR_OUTCOMES = 10;

/** The threshold a repository's outcomes give a category, and the evidence behind it. */
export interface Calibration {
  /** The learning's id, for `/review forget` (which starts the count again). */
  readonly id: string;
  readonly category: string;
  readonly configured: number;
  readonly threshold: number;
  /** Findings of the category the team acted on (fixed, or 👍) and dismissed, weighed as in judgeFindings. */
  readonly accepted: number;
  readonly dismissed: number;
  /** How many findings those are: "learned from N outcomes". */
  readonly outcomes: number;
}

/**
 * Per category, moves the threshold by how the team treated findings of it: a category it keeps
 * fixing is posted a little more readily, one it keeps dismissing a little less. The shift is
 * MAX_SHIFT × (dismissed − accepted) / (dismissed + accepted) × n / (n + PRIOR_OUTCOMES), by
 * weight, rounded to 0.01, bounded by ±MAX_SHIFT and THRESHOLD_FLOOR (a configured threshold
 * already under the floor is never lowered). Outcomes from before a `/review forget` of the
 * category's calibration no longer count. Categories without outcomes are left out.
 */
export function calibrateThresholds(
  repository: string,
  judged: readonly JudgedFinding[],
  forgotten: ReadonlyMap<string, number>,
  configured: number,
): Calibration[] {
  const byCategory = new Map<string, { accepted: number; dismissed: number; outcomes: number }>();
  for (const item of judged) {
    if (item.verdict === 0) continue;
    const { category } = item.finding;
    const forgottenAt = forgotten.get(calibrationId(repository, category)) ?? Number.NEGATIVE_INFINITY;
    if (item.at <= forgottenAt) continue;
    const tally = byCategory.get(category) ?? { accepted: 0, dismissed: 0, outcomes: 0 };
    if (item.verdict > 0) tally.dismissed += item.verdict;
    else tally.accepted -= item.verdict;
    tally.outcomes += 1;
    byCategory.set(category, tally);
  }
  return [...byCategory]
    .sort(([a], [b]) => compareText(a, b))
    .map(([category, tally]) => ({
      id: calibrationId(repository, category),
      category,
      configured,
      threshold: calibratedThreshold(configured, tally),
      ...tally,
    }));
}

export function calibrationId(repository: string, category: string): string {
  return learningId('threshold', repository, category);
}

function calibratedThreshold(
  configured: number,
  tally: { accepted: number; dismissed: number; outcomes: number },
): number {
  const weight = tally.accepted + tally.dismissed;
  if (tally.outcomes < MIN_OUTCOMES || weight === 0) return configured;
  const lean = (tally.dismissed - tally.accepted) / weight;
  const shift = MAX_SHIFT * lean * (weight / (weight + PRIOR_OUTCOMES));
  const lowest = Math.min(configured, Math.max(configured - MAX_SHIFT, THRESHOLD_FLOOR));
  const highest = Math.min(1, configured + MAX_SHIFT);
  return Math.round(Math.min(highest, Math.max(lowest, configured + shift)) * 100) / 100;
}
