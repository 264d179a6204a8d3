import type { Context } from 'probot';
import { z } from 'zod';
import type { JobQueue } from '../queue/job-queue.js';
import type { ReviewJob } from '../review/run-review.js';
import type { ReviewTrigger } from '../review/skip-reason.js';

const TRIGGERS: ReadonlySet<string> = new Set<ReviewTrigger>([
  'opened',
  'reopened',
  'synchronize',
  'ready_for_review',
]);

/** The fields of a `pull_request` delivery Sift relies on; anything else in it is ignored. */
const pullRequestEventSchema = z.object({
  action: z.string(),
  installation: z.object({ id: z.number().int().positive() }),
  repository: z.object({ name: z.string().min(1), owner: z.object({ login: z.string().min(1) }) }),
  pull_request: z.object({
    number: z.number().int().positive(),
    state: z.enum(['open', 'closed']),
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }),
    base: z.object({ ref: z.string().min(1) }),
  }),
});

/**
 * Decides whether a pull request event asks for a review and, if so, enqueues it. It makes no
 * GitHub or model calls: GitHub abandons a delivery after 10 s, and all the work is the worker's.
 */
export async function handlePullRequest(
  context: Context<'pull_request'>,
  queue: JobQueue<ReviewJob>,
): Promise<void> {
  const parsed = pullRequestEventSchema.safeParse(context.payload);
  if (!parsed.success) {
    context.log.warn(
      { delivery: context.id, issues: parsed.error.issues.slice(0, 3) },
      'ignoring a malformed pull_request event',
    );
    return;
  }
  const { action, installation, repository, pull_request: pull } = parsed.data;
  if (!TRIGGERS.has(action) || pull.state !== 'open') return;
  const job: ReviewJob = {
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: pull.number,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
    trigger: action as ReviewTrigger,
    deliveryId: context.id,
  };
  const result = await queue.enqueue(job);
  context.log.info(
    { delivery: context.id, pull: `${job.owner}/${job.repo}#${job.pullNumber}`, result },
    'review enqueued',
  );
}
