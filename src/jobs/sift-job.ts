import type { ReviewCommand } from '../commands/parse-review-command.js';
import type { JobIdentity } from '../queue/job-queue.js';
import { pullKey } from '../store/sift-store.js';
import { type ReviewJob, reviewJobKey } from './review-job.js';

interface PullRequestJob {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly deliveryId: string;
}

/**
 * What a `/review …` comment asks, who asked, and the state of the pull request it is on: the
 * app's webhook handler and the Action read it alike (`readCommandRequest`).
 */
export interface CommandRequest {
  readonly command: ReviewCommand;
  readonly commentId: number;
  readonly author: string;
  readonly pullAuthor: string;
  readonly privateRepository: boolean;
  readonly pullState: 'open' | 'closed';
  readonly merged: boolean;
}

/** Every kind of work the worker does; handlers only create these. */
export type SiftJob =
  | ({ readonly kind: 'review' } & ReviewJob)
  /** A `/review …` comment: acknowledged, checked against the commenter's permission, then done. */
  | (PullRequestJob & CommandRequest & { readonly kind: 'command' })
  /** Someone replied in a thread Sift started. */
  | (PullRequestJob & {
      readonly kind: 'conversation';
      readonly rootCommentId: number;
      readonly replyCommentId: number;
      readonly author: string;
      readonly headSha: string;
      readonly pullAuthor: string;
      /** The base branch, whose `.github/sift.yml` says whether to learn; absent in jobs journaled before it was kept. */
      readonly baseRef?: string | undefined;
    })
  /** The pull request closed: record what became of each finding. */
  | (PullRequestJob & {
      readonly kind: 'outcome';
      readonly headSha: string;
      readonly merged: boolean;
      readonly pullAuthor: string;
      /** The base branch, whose `.github/sift.yml` says whether to learn; absent in jobs journaled before it was kept. */
      readonly baseRef?: string | undefined;
    });

export type JobOfKind<K extends SiftJob['kind']> = Extract<SiftJob, { kind: K }>;

/**
 * How jobs share the queue. Reviews of a pull request run one at a time and a newer delivery
 * supersedes an older one (an older delivery arriving late is stale); a thread answers its latest
 * reply; commands and outcomes never collide with reviews.
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
  // GitHub's `updated_at` of the pull request orders its deliveries; jobs without one (a command,
  // a Re-run) are never stale.
  isOlder: (job, than) =>
    job.kind === 'review' &&
    than.kind === 'review' &&
    job.updatedAt !== undefined &&
    than.updatedAt !== undefined &&
    job.updatedAt < than.updatedAt,
};

/** What orders versions of a key across processes: GitHub's `updated_at` of a review's delivery. */
export function siftJobOrder(job: SiftJob): string | undefined {
  return job.kind === 'review' ? job.updatedAt : undefined;
}

/** How logs name a job. */
export function jobLabel(job: SiftJob): string {
  return job.kind === 'review' ? reviewJobKey(job) : `${pullKey(job)}:${job.kind}`;
}
