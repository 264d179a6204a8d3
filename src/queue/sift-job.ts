import type { ReviewJob } from '../review/run-review.js';
import { pullKey } from '../store/sift-store.js';
import type { JobIdentity } from './job-queue.js';

interface PullRequestJob {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly deliveryId: string;
}

/** Every kind of work the worker does; handlers only create these. */
export type SiftJob =
  | ({ readonly kind: 'review' } & ReviewJob)
  /** `/review config` and `/review stats`: answers that need data from GitHub or the store. */
  | (PullRequestJob & {
      readonly kind: 'command';
      readonly command: 'config' | 'stats';
      readonly commentId: number;
    })
  /** Someone replied in a thread Sift started. */
  | (PullRequestJob & {
      readonly kind: 'conversation';
      readonly rootCommentId: number;
      readonly replyCommentId: number;
      readonly author: string;
      readonly headSha: string;
      readonly pullAuthor: string;
    })
  /** The pull request closed: record what became of each finding. */
  | (PullRequestJob & { readonly kind: 'outcome'; readonly headSha: string; readonly merged: boolean });

/**
 * How jobs share the queue. Reviews of a pull request run one at a time and a newer head commit
 * supersedes an older one; a thread answers its latest reply; commands and outcomes never collide
 * with reviews.
 */
export const siftJobIdentity: JobIdentity<SiftJob> = {
  keyOf: (job) => {
    const pull = pullKey(job);
    switch (job.kind) {
      case 'review':
        return pull;
      case 'command':
        return `${pull}:command:${job.commentId}`;
      case 'conversation':
        return `${pull}:thread:${job.rootCommentId}`;
      case 'outcome':
        return `${pull}:outcome`;
    }
  },
  versionOf: (job) => {
    switch (job.kind) {
      case 'review':
        return `${job.headSha}:${job.scope.kind === 'paths' ? `paths:${job.scope.glob}` : job.scope.kind}`;
      case 'command':
        return String(job.commentId);
      case 'conversation':
        return String(job.replyCommentId);
      case 'outcome':
        return job.headSha;
    }
  },
};
