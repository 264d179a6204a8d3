import { calibrateThresholds } from './calibrate-thresholds.js';
import { judgeFindings } from './judge-findings.js';
import type { Convention, RepositoryLearnings } from './learning-types.js';
import type { ReviewLearnings } from './weigh-learnings.js';

/**
 * What a review of `repository` learns from what its store holds: the findings people judged,
 * the thresholds their outcomes calibrate, and the conventions in force — the repository's and
 * its organisation's (learned on the organisation's `.github` repository, whose writers already
 * set every repository's configuration) — less those people told Sift to forget.
 */
export function reviewLearnings(
  repository: string,
  stored: RepositoryLearnings,
  organisation: RepositoryLearnings | null,
  configuredThreshold: number,
): ReviewLearnings {
  const judged = judgeFindings(repository, stored);
  return {
    judged,
    calibrations: calibrateThresholds(repository, judged, stored.forgotten, configuredThreshold),
    conventions: [
      ...activeConventions(stored),
      ...(organisation && organisation !== stored ? activeConventions(organisation) : []),
    ],
  };
}

/** The conventions not forgotten since they were learned. */
export function activeConventions(stored: RepositoryLearnings): Convention[] {
  return stored.conventions.filter(
    (convention) => (stored.forgotten.get(convention.id) ?? Number.NEGATIVE_INFINITY) < convention.at,
  );
}

/** `acme/.github`: the repository whose learnings apply to all of `acme`'s repositories. */
export function organisationRepository(repository: string): string {
  return `${repository.slice(0, repository.indexOf('/'))}/.github`;
}
