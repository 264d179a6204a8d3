import type { Logger } from '../../logger.js';
import type { PullRequestHost } from '../pull-request-host.js';
import type { Candidate, PostedFinding } from '../types.js';
import { findFixedFindings } from './find-fixed-findings.js';

/**
 * Closes the threads of findings a push fixed, each with a one-line reply saying so (so the
 * conversation shows why). Only findings whose file this run reviewed with every pass are
 * candidates: a file outside the run's scope, skipped, or missed by a failed pass says nothing
 * about whether its finding still holds. A failure on one thread is logged and the others still
 * get resolved: this is housekeeping, not the review.
 */
export async function resolveFixedThreads(
  host: Pick<PullRequestHost, 'readFile' | 'replyInThread' | 'resolveThread'>,
  headSha: string,
  posted: readonly PostedFinding[],
  run: { readonly candidates: readonly Candidate[]; readonly fullyReviewedPaths: ReadonlySet<string> },
  log: Logger,
): Promise<number> {
  const reviewed = posted.filter((finding) => run.fullyReviewedPaths.has(finding.path));
  const files = new Map<string, ReturnType<PullRequestHost['readFile']>>(); // several findings share a file
  const readHead = (path: string) => {
    const file = files.get(path) ?? host.readFile(headSha, path);
    files.set(path, file);
    return file;
  };
  const fixed = await findFixedFindings(reviewed, run.candidates, readHead);
  let resolved = 0;
  for (const finding of fixed) {
    try {
      await host.replyInThread(
        finding.commentId,
        `This looks fixed in ${headSha.slice(0, 7)}: the code this pointed at changed, and the re-review no longer finds the problem.`,
      );
      await host.resolveThread(finding.threadId);
      resolved += 1;
    } catch (error) {
      log.warn({ err: error, thread: finding.threadId }, 'could not resolve a fixed finding');
    }
  }
  return resolved;
}
