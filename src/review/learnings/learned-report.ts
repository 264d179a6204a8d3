import type { Candidate, Change, LearnedReport } from '../types.js';
import type { ReviewLearnings } from './weigh-learnings.js';

/** What the learnings changed in this review; null when they changed nothing worth saying. */
export function learnedReport(
  candidates: readonly Candidate[],
  learnings: ReviewLearnings,
  conventions: number,
  change: Change,
  configured: number,
): LearnedReport | null {
  const heldBack = candidates
    .filter((candidate) => candidate.outcome === 'similar-to-dismissed')
    .map(({ finding, dismissedLike }) => ({
      title: finding.title,
      path: finding.path,
      line: finding.startLine,
      dismissedLike: dismissedLike ?? [],
    }));
  const lowered = candidates.filter(
    (candidate) => candidate.outcome === 'posted' && (candidate.dismissedLike?.length ?? 0) > 0,
  ).length;
  const thresholds = learnings.calibrations
    .filter((item) => item.threshold !== configured)
    .map(({ category, threshold, outcomes }) => ({ category, configured, threshold, outcomes }));
  if (heldBack.length === 0 && lowered === 0 && thresholds.length === 0 && conventions === 0) return null;
  return { repositoryUrl: change.repository.htmlUrl, heldBack, lowered, thresholds, conventions };
}
