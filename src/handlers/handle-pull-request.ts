import type { Context } from 'probot';
import { z } from 'zod';
import type { ReviewTrigger } from '../jobs/review-job.js';
import type { SiftJob } from '../jobs/sift-job.js';
import type { JobQueue } from '../queue/job-queue.js';
import { pullKey, type SiftStore } from '../store/sift-store.js';
import { commitIdSchema, installationSchema, readPayload, repositorySchema } from './read-payload.js';

const TRIGGERS: ReadonlySet<string> = new Set<ReviewTrigger>([
  'opened',
  'reopened',
  'synchronize',
  'ready_for_review',
]);

/** The fields of a `pull_request` delivery Sift relies on; anything else in it is ignored. */
const pullRequestEventSchema = z.object({
  action: z.string(),
  installation: installationSchema,
  repository: repositorySchema,
  pull_request: z.object({
    number: z.number().int().positive(),
    state: z.enum(['open', 'closed']),
    merged: z.boolean().nullable().optional(),
    updated_at: z.string().optional(),
    user: z.object({ login: z.string() }),
    head: z.object({ sha: commitIdSchema }),
    base: z.object({ ref: z.string().min(1) }),
  }),
});

/**
 * Decides whether a pull request event asks for work and, if so, enqueues it: a review for the
 * opening and update actions, an outcome record when it closes. It makes no GitHub or model calls
 * — GitHub abandons a delivery after 10 s — and a delivery GitHub sends again is dropped here.
 */
export async function handlePullRequest(
  context: Context<'pull_request'>,
  deps: { queue: JobQueue<SiftJob>; store: SiftStore },
): Promise<void> {
  const payload = readPayload(context, pullRequestEventSchema);
  if (!payload) return;
  const { action, installation, repository, pull_request: pull } = payload;
  const closing = action === 'closed';
  if (!closing && (!TRIGGERS.has(action) || pull.state !== 'open')) return;
  if (!(await deps.store.firstDelivery(context.id))) {
    context.log.info({ delivery: context.id }, 'redelivered webhook ignored');
    return;
  }
  const base = {
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: pull.number,
    deliveryId: context.id,
  };
  const job: SiftJob = closing
    ? {
        ...base,
        kind: 'outcome',
        headSha: pull.head.sha,
        merged: pull.merged ?? false,
        pullAuthor: pull.user.login,
        baseRef: pull.base.ref,
      }
    : {
        ...base,
        kind: 'review',
        headSha: pull.head.sha,
        baseRef: pull.base.ref,
        trigger: action as ReviewTrigger,
        scope: { kind: 'auto' },
        updatedAt: pull.updated_at,
      };
  const result = await deps.queue.enqueue(job);
  context.log.info({ delivery: context.id, pull: pullKey(base), kind: job.kind, result }, 'job enqueued');
}
