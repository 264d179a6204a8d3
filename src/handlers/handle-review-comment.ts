import type { Context } from 'probot';
import { z } from 'zod';
import type { SiftJob } from '../jobs/sift-job.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { SiftStore } from '../store/sift-store.js';
import { commitIdSchema, installationSchema, readPayload, repositorySchema } from './read-payload.js';

const reviewCommentSchema = z.object({
  action: z.literal('created'),
  installation: installationSchema,
  repository: repositorySchema,
  pull_request: z.object({
    number: z.number().int().positive(),
    user: z.object({ login: z.string() }),
    head: z.object({ sha: commitIdSchema }),
    base: z.object({ ref: z.string().min(1) }).optional(),
  }),
  comment: z.object({
    id: z.number().int().positive(),
    in_reply_to_id: z.number().int().positive().optional(),
    user: z.object({ login: z.string(), type: z.string() }),
  }),
});

/**
 * A reply in a review thread: if it answers a thread (not a new comment) and comes from a person,
 * the worker checks whether the thread is Sift's and answers it. Sift's own replies never trigger
 * another, so it cannot talk to itself.
 */
export async function handleReviewComment(
  context: Context<'pull_request_review_comment.created'>,
  deps: { queue: JobQueue<SiftJob>; store: SiftStore },
): Promise<void> {
  const payload = readPayload(context, reviewCommentSchema);
  if (!payload) return;
  const { installation, repository, pull_request: pull, comment } = payload;
  if (!comment.in_reply_to_id || comment.user.type === 'Bot') return;
  if (!(await deps.store.firstDelivery(context.id))) return;
  await deps.queue.enqueue({
    kind: 'conversation',
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: pull.number,
    deliveryId: context.id,
    rootCommentId: comment.in_reply_to_id,
    replyCommentId: comment.id,
    author: comment.user.login,
    headSha: pull.head.sha,
    pullAuthor: pull.user.login,
    baseRef: pull.base?.ref,
  });
}
