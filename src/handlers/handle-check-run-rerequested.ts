import type { Context } from 'probot';
import { z } from 'zod';
import { CHECK_RUN_NAME } from '../check-run-name.js';
import type { SiftJob } from '../jobs/sift-job.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { SiftStore } from '../store/sift-store.js';
import { commitIdSchema, installationSchema, readPayload, repositorySchema } from './read-payload.js';

const checkRunEventSchema = z.object({
  installation: installationSchema,
  repository: repositorySchema,
  check_run: z.object({
    name: z.string(),
    head_sha: commitIdSchema,
    pull_requests: z.array(
      z.object({ number: z.number().int().positive(), base: z.object({ ref: z.string().min(1) }) }),
    ),
  }),
});

/**
 * "Re-run" on Sift's check run reviews the pull request again at that commit — the way to retry
 * after a model outage. GitHub sends this event only to the app that created the check run; pull
 * requests from forks are not listed on it and are retried by pushing or with `/review`.
 */
export async function handleCheckRunRerequested(
  context: Context<'check_run.rerequested'>,
  { queue, store }: { queue: JobQueue<SiftJob>; store: SiftStore },
): Promise<void> {
  const payload = readPayload(context, checkRunEventSchema);
  if (payload?.check_run.name !== CHECK_RUN_NAME) return;
  // A Re-run delivered twice would review twice (a person asked, so "already reviewed" does not stop it).
  if (!(await store.firstDelivery(context.id))) {
    context.log.info({ delivery: context.id }, 'redelivered webhook ignored');
    return;
  }
  const { installation, repository, check_run: checkRun } = payload;
  for (const pull of checkRun.pull_requests) {
    const result = await queue.enqueue({
      kind: 'review',
      installationId: installation.id,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pull.number,
      headSha: checkRun.head_sha,
      baseRef: pull.base.ref,
      trigger: 'rerequested',
      scope: { kind: 'full' },
      deliveryId: context.id,
    });
    context.log.info({ delivery: context.id, pull: pull.number, result }, 're-review enqueued');
  }
}
