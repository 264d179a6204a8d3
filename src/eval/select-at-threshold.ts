import { compareFindings } from '../review/score-findings/compare-findings.js';
import type { Candidate, CandidateOutcome, Finding } from '../review/types.js';

/**
 * Fates no threshold changes: the repository's categories, the verifier, earlier reviews and what
 * the team dismissed before decide them.
 */
const NEVER_POSTED: ReadonlySet<CandidateOutcome> = new Set([
  'category-off',
  'rejected-by-verifier',
  'duplicate',
  'already-posted',
  'similar-to-dismissed',
]);

/**
 * The findings a review would have posted at `threshold`, from its recorded candidates, with the
 * rules of score-findings.ts: most confident first (then the more severe, then by path and line),
 * a fingerprint posted once (a candidate under the review's threshold may repeat one above it, so
 * repeats are checked here rather than read from the recorded outcome), at most `maxComments`.
 * At the threshold the review ran with, it returns exactly what the review kept.
 */
export function selectAtThreshold(
  candidates: readonly Candidate[],
  threshold: number,
  maxComments: number,
): Finding[] {
  const ranked = [...candidates].sort((a, b) => compareFindings(a.finding, b.finding));
  const selected: Finding[] = [];
  const seen = new Set<string>();
  for (const { finding, outcome } of ranked) {
    const eligible =
      !NEVER_POSTED.has(outcome) &&
      finding.confidence >= threshold &&
      !seen.has(finding.fingerprint) &&
      selected.length < maxComments;
    seen.add(finding.fingerprint);
    if (eligible) selected.push(finding);
  }
  return selected;
}
