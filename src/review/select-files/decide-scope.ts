import type { DiffFile } from '../../diff/types.js';
import type { Comparison } from '../pull-request-host.js';
import type { ReviewScope, SkippedFile } from '../types.js';
import { keepMatchingPaths } from './keep-matching-paths.js';
import { keepNewChanges } from './keep-new-changes.js';

export interface ScopeDecision {
  readonly files: readonly DiffFile[];
  readonly skipped: readonly SkippedFile[];
  /** What was reviewed, in words for the check run. */
  readonly description: string;
  /**
   * The paths whose current state this review accounts for: every file of a full review, the
   * matching ones of `/review <glob>`, the files the new commits touched in an incremental one
   * (even when what they did left nothing of the pull request's diff to review, like a revert).
   */
  readonly covered: ReadonlySet<string>;
}

/**
 * What a review covers. A full review covers the whole pull request; an incremental one (a push,
 * or `/review`) what changed since the last reviewed commit, when that commit is an ancestor of
 * the head — after a force-push, or when the last review is unknown, it falls back to a full
 * review and says so; `/review <glob>` the matching files.
 */
export function decideScope(
  scope: ReviewScope,
  files: readonly DiffFile[],
  history: { lastReviewedHead: string | null; comparison: Comparison | null },
): ScopeDecision {
  const whole = (description: string): ScopeDecision => ({
    files,
    skipped: [],
    description,
    covered: new Set(files.map((file) => file.path)),
  });
  if (scope.kind === 'paths') {
    const matched = keepMatchingPaths(files, scope.glob);
    return {
      ...matched,
      description: `the files matching \`${scope.glob}\``,
      covered: new Set(matched.files.map((file) => file.path)),
    };
  }
  const last = history.lastReviewedHead;
  if (scope.kind === 'full' || last === null) return whole('the whole pull request');
  const comparison = history.comparison;
  // The head is the commit already reviewed: nothing is new (this is no force-push).
  if (comparison?.status === 'identical') {
    const kept = keepNewChanges(files, [], last);
    return {
      ...kept,
      description: `what changed since Sift's review of ${last.slice(0, 7)}`,
      covered: new Set(),
    };
  }
  if (comparison?.status !== 'ahead') {
    const why =
      comparison?.status === 'unknown'
        ? `the last reviewed commit ${last.slice(0, 7)} is gone`
        : `the branch was rewritten since ${last.slice(0, 7)} (force-push)`;
    return whole(`the whole pull request: ${why}`);
  }
  if (!comparison.complete) {
    return whole('the whole pull request: too many files changed to review only the new commits');
  }
  const kept = keepNewChanges(files, comparison.files, last);
  return {
    ...kept,
    description: `what changed since Sift's review of ${last.slice(0, 7)}`,
    covered: new Set(comparison.files.map((file) => file.path)),
  };
}
