import type { Candidate, CandidateOutcome, Finding, Severity } from '../review/types.js';

/** Fates no threshold changes: the repository's categories, the verifier and earlier reviews decide them. */
const NEVER_POSTED: ReadonlySet<CandidateOutcome> = new Set([
  'category-off',
  'rejected-by-verifier',
  'duplicate',
  'already-posted',
]);

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

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
  const ranked = [...candidates].sort(
    (a, b) =>
      b.finding.confidence - a.finding.confidence ||
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      a.finding.path.localeCompare(b.finding.path) ||
      a.finding.startLine - b.finding.startLine,
  );
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
