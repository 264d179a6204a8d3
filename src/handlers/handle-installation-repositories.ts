import type { Context } from 'probot';
import { z } from 'zod';
import { JobDiscardedError } from '../errors.js';
import type { SiftJob } from '../jobs/sift-job.js';
import type { JobQueue } from '../queue/job-queue.js';
import { repositoryKey, type SiftStore } from '../store/sift-store.js';
import { installationSchema, readPayload } from './read-payload.js';

const repositoriesSchema = z.array(z.object({ full_name: z.string().min(3) }));

const installationRepositoriesEventSchema = z.object({
  action: z.enum(['added', 'removed']),
  installation: installationSchema,
  repositories_added: repositoriesSchema.default([]),
  repositories_removed: repositoriesSchema.default([]),
});

/**
 * Repositories added to or removed from an installation. An added one is remembered as the
 * installation's; a removed one has its queued jobs withdrawn and what Sift kept about its pull
 * requests deleted: the organisation took Sift's access to it away.
 */
export async function handleInstallationRepositories(
  context: Context<'installation_repositories'>,
  deps: { queue: JobQueue<SiftJob>; store: SiftStore },
): Promise<void> {
  const payload = readPayload(context, installationRepositoriesEventSchema);
  if (!payload) return;
  const installationId = payload.installation.id;
  for (const { full_name: name } of payload.repositories_added)
    await deps.store.addInstallationRepository(installationId, name);
  for (const { full_name: name } of payload.repositories_removed) {
    await deps.queue.discard(
      (job) => job.installationId === installationId && repositoryKey(job) === name,
      new JobDiscardedError(`[sift] ${name} was removed from installation ${installationId}`, 'repository'),
    );
    await deps.store.forgetRepository(installationId, name);
  }
  context.log.info(
    {
      delivery: context.id,
      installation: installationId,
      added: payload.repositories_added.map((repository) => repository.full_name),
      removed: payload.repositories_removed.map((repository) => repository.full_name),
    },
    payload.action === 'removed'
      ? 'repositories removed from the installation: what Sift kept about them is deleted'
      : 'repositories added to the installation',
  );
}
