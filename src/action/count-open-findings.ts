import type { SiftHistory } from '../review/pull-request-host.js';
import { SEVERITY_RANK } from '../review/severity-rank.js';
import type { Finding, Severity } from '../review/types.js';

/**
 * The findings at or above `severity` open on the pull request after this run: Sift's inline
 * findings whose threads are not resolved — Sift resolves the ones a push fixed, people the ones
 * they dismiss — and this run's findings in the review summary, which have no thread. A push
 * that changes something else leaves an open finding open, so `fail-on` keeps failing until it
 * is fixed or dismissed. (A marker without a severity, from a Sift older than `fail-on`, is not
 * counted: its severity is not known.)
 */
export function countOpenFindings(
  severity: Severity,
  history: Pick<SiftHistory, 'findings'>,
  postedInSummary: readonly Pick<Finding, 'severity'>[],
): number {
  const bar = SEVERITY_RANK[severity];
  const atLeast = (value: Severity | undefined) => value !== undefined && SEVERITY_RANK[value] >= bar;
  const inThreads = history.findings.filter(
    (finding) => !finding.isResolved && atLeast(finding.marker.severity),
  );
  return inThreads.length + postedInSummary.filter((finding) => atLeast(finding.severity)).length;
}
