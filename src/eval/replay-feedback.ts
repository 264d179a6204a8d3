import { compareText } from '../review/compare-text.js';
import { findingTraits } from '../review/learnings/finding-traits.js';
import type { FeedbackSignal } from '../review/learnings/learning-types.js';
import { reviewLearnings } from '../review/learnings/review-learnings.js';
import { type ReviewLearnings, thresholdFor, weighLearnings } from '../review/learnings/weigh-learnings.js';
import type { Candidate, CandidateOutcome } from '../review/types.js';
import { type EarlierFinding, repositoryOfCase } from './eval-case.js';
import type { CaseResult } from './eval-types.js';
import { matchFindings } from './match-findings.js';
import { selectAtThreshold } from './select-at-threshold.js';

/** Fates learnings do not change: the category, the verifier and the review itself decided them. */
const SETTLED: ReadonlySet<CandidateOutcome> = new Set([
  'category-off',
  'rejected-by-verifier',
  'duplicate',
  'already-posted',
]);

/**
 * The feedback replay of `sift eval`: the cases of each repository, in the order of their ids, as
 * successive pull requests of a team that gives feedback. Before a case is scored, the repository
 * has learned from the earlier findings the case carries (`earlier_findings`, with their fate) and
 * from every earlier case of the repository, whose posted findings the team fixed when they match
 * a labelled defect and dismissed (as a reviewer) when they do not. The case's candidates are then
 * weighed as a review with those learnings would weigh them (applyLearnings). The model answers
 * once per case; only the scoring differs, so the comparison is between the same answers.
 */
export function replayFeedback(results: readonly CaseResult[], threshold: number): CaseResult[] {
  const byRepository = new Map<string, CaseResult[]>();
  for (const result of results) {
    const repository = repositoryOfCase(result.case);
    byRepository.set(repository, [...(byRepository.get(repository) ?? []), result]);
  }
  const replayed = new Map<CaseResult, CaseResult>();
  for (const [repository, cases] of byRepository) {
    const signals: FeedbackSignal[] = [];
    let pull = 0;
    for (const result of [...cases].sort((a, b) => compareText(a.case.id, b.case.id))) {
      for (const earlier of result.case.earlier_findings) {
        pull += 1;
        signals.push(signalOf(earlier, pull));
      }
      const learnings = reviewLearnings(
        repository,
        { signals, conventions: [], forgotten: new Map() },
        null,
        threshold,
      );
      const learned = { ...result, candidates: applyLearnings(result.candidates, learnings, threshold) };
      replayed.set(result, learned);
      if (result.error !== null) continue;
      pull += 1;
      const posted = selectAtThreshold(learned.candidates, threshold, result.maxComments);
      const matched = new Set(matchFindings(result.case.expected, posted).map((match) => match.finding));
      for (const finding of posted) {
        signals.push({
          pullNumber: pull,
          kind: matched.has(finding) ? 'fixed' : 'dismissed',
          by: 'reviewer',
          role: 'reviewer',
          at: pull,
          finding: findingTraits(finding),
        });
      }
    }
  }
  return results.map((result) => replayed.get(result) ?? result);
}

/**
 * Candidates as a review with `learnings` would score them: held back (`similar-to-dismissed`)
 * when the evidence holds them back, else with their confidence lowered by it. A category's
 * calibrated threshold is applied as a shift of its findings' confidence, so that comparing with
 * the configured threshold — as the report and its curve do — posts what the review would post.
 */
export function applyLearnings(
  candidates: readonly Candidate[],
  learnings: ReviewLearnings,
  configured: number,
): Candidate[] {
  return candidates.map((candidate) => {
    if (SETTLED.has(candidate.outcome)) return candidate;
    const { finding } = candidate;
    const weighed = weighLearnings(findingTraits(finding), finding.confidence, learnings.judged);
    const dismissedLike = weighed.dismissedLike.map((item) => ({ id: item.id, pullNumber: item.pullNumber }));
    if (weighed.held) return { ...candidate, outcome: 'similar-to-dismissed', dismissedLike };
    const shift = thresholdFor(learnings, finding.category, configured) - configured;
    const confidence = Math.round((weighed.confidence - shift) * 1000) / 1000;
    return { ...candidate, finding: { ...finding, confidence } };
  });
}

function signalOf(earlier: EarlierFinding, pullNumber: number): FeedbackSignal {
  return {
    pullNumber,
    kind: earlier.fate,
    by: earlier.by,
    role: earlier.by,
    at: pullNumber,
    finding: findingTraits({
      ...earlier,
      fingerprint: `earlier-${pullNumber}`,
      symbolKind: null,
    }),
  };
}
