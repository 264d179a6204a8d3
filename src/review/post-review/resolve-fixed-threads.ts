import type { PostedFinding } from '../../github/load-sift-history.js';
import type { Octokit } from '../../github/octokit.js';
import type { FileAtRef } from '../../github/read-file-at-ref.js';
import { resolveReviewThread } from '../../github/resolve-review-thread.js';
import type { Logger } from '../../logger.js';
import type { Candidate } from '../types.js';
import { findFixedFindings } from './find-fixed-findings.js';

/**
 * Closes the threads of findings a push fixed, each with a one-line reply saying so. A failure on
 * one thread is logged and the others still get resolved: this is housekeeping, not the review.
 */
export async function resolveFixedThreads(
  octokit: Octokit,
  target: { owner: string; repo: string; pullNumber: number; headSha: string },
  posted: readonly PostedFinding[],
  candidates: readonly Candidate[],
  readHead: (path: string) => Promise<FileAtRef>,
  log: Logger,
): Promise<number> {
  const fixed = await findFixedFindings(posted, candidates, readHead);
  let resolved = 0;
  for (const finding of fixed) {
    try {
      await resolveReviewThread(
        octokit,
        { ...target, threadId: finding.threadId, commentId: finding.commentId },
        `This looks fixed in ${target.headSha.slice(0, 7)}: the code this pointed at changed, and the re-review no longer finds the problem.`,
      );
      resolved += 1;
    } catch (error) {
      log.warn({ err: error, thread: finding.threadId }, 'could not resolve a fixed finding');
    }
  }
  return resolved;
}
