import type { Severity, Verdict } from '../types.js';

/** How much the verifier's verdict says the finding is real. */
const VERDICT_WEIGHT: Record<Verdict, number> = {
  confirmed: 1,
  // The verifier could not be asked (it failed): the passes' agreement has to carry the finding.
  unverified: 0.6,
  uncertain: 0.5,
  rejected: 0,
};

/** Severity nudges confidence: a confirmed critical problem is worth posting before a minor one. */
const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 1, major: 0.8, minor: 0.6 };

/**
 * The confidence of a finding, 0–1, computed — never the model's own estimate:
 *
 *   agreement  = votes / passes                 how many independent passes found it
 *   evidence   = 0.55·verdict + 0.45·agreement  the verifier weighs a little more than the vote
 *   confidence = evidence · (0.85 + 0.15·severity)
 *
 * and 0 when the verifier rejected it. Why these weights: a hallucination is usually found by one
 * pass and a real defect by several, but lenses differ, so one vote with a confirmation is still
 * worth something (0.64 for a major finding: below the default threshold of 0.7, so a finding
 * from one pass of four is not posted); two votes and a confirmation clear it (0.75), and a
 * finding every pass found clears it even when the verifier is unavailable (0.76). Severity can
 * move a finding by at most 15 %. The eval harness reports precision and recall at every
 * threshold so the default is chosen by data.
 */
export function computeConfidence(input: {
  votes: number;
  passes: number;
  verdict: Verdict;
  severity: Severity;
}): number {
  if (input.verdict === 'rejected') return 0;
  const agreement = Math.min(1, input.votes / Math.max(1, input.passes));
  const evidence = 0.55 * VERDICT_WEIGHT[input.verdict] + 0.45 * agreement;
  return Math.round(evidence * (0.85 + 0.15 * SEVERITY_WEIGHT[input.severity]) * 1000) / 1000;
}
