import type { DiffFile } from '../../diff/types.js';
import type { Comparison } from '../../github/compare-commits.js';
import type { ReviewScope, SkippedFile } from '../types.js';
import { keepMatchingPaths } from './keep-matching-paths.js';
import { keepNewChanges } from './keep-new-changes.js';

export interface ScopeDecision {
  readonly files: readonly DiffFile[];
  readonly skipped: readonly SkippedFile[];
  /** What was reviewed, in words for the check run. */
  readonly description: string;
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
  if (scope.kind === 'paths') {
    const matched = keepMatchingPaths(files, scope.glob);
    return { ...matched, description: `the files matching \`${scope.glob}\`` };
  }
  const last = history.lastReviewedHead;
  if (scope.kind === 'full' || last === null)
    return { files, skipped: [], description: 'the whole pull request' };
  const comparison = history.comparison;
  // The head is the commit already reviewed: nothing is new (this is no force-push).
  if (comparison?.status === 'identical') {
    const kept = keepNewChanges(files, [], last);
    return { ...kept, description: `what changed since Sift's review of ${last.slice(0, 7)}` };
  }
  if (comparison?.status !== 'ahead') {
    const why =
      comparison?.status === 'unknown'
        ? `the last reviewed commit ${last.slice(0, 7)} is gone`
        : `the branch was rewritten since ${last.slice(0, 7)} (force-push)`;
    return { files, skipped: [], description: `the whole pull request: ${why}` };
  }
  if (!comparison.complete) {
    return {
      files,
      skipped: [],
      description: 'the whole pull request: too many files changed to review only the new commits',
    };
  }
  const kept = keepNewChanges(files, comparison.files, last);
  return { ...kept, description: `what changed since Sift's review of ${last.slice(0, 7)}` };
}
