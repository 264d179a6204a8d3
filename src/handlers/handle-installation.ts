import type { Context } from 'probot';
import { z } from 'zod';
import { JobDiscardedError } from '../errors.js';
import type { SiftJob } from '../jobs/sift-job.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { SiftStore } from '../store/sift-store.js';
import { readPayload } from './read-payload.js';

const accountSchema = z.object({
  id: z.number().int().positive(),
  // A user or organisation has a login; an enterprise a slug.
  login: z.string().min(1).optional(),
  slug: z.string().min(1).optional(),
});

const installationEventSchema = z.object({
  action: z.string(),
  installation: z.object({ id: z.number().int().positive(), account: accountSchema }),
  repositories: z.array(z.object({ full_name: z.string().min(3) })).optional(),
});

/**
 * The app installed, uninstalled, suspended or given new permissions on an account. Installed:
 * remembered with its repositories (an organisation-wide install reviews every repository with
 * no setup). Suspended: its jobs are dropped when they come up, until it is unsuspended.
 * Deleted: its queued jobs are withdrawn and everything Sift stored for it is deleted, and the log
 * says so. No GitHub calls: the installation may already be gone.
 */
export async function handleInstallation(
  context: Context<'installation'>,
  deps: { queue: JobQueue<SiftJob>; store: SiftStore },
): Promise<void> {
  const payload = readPayload(context, installationEventSchema);
  if (!payload) return;
  const { action, installation } = payload;
  const account = {
    id: installation.account.id,
    login: installation.account.login ?? installation.account.slug ?? String(installation.account.id),
  };
  const where = { delivery: context.id, installation: installation.id, account: account.login };
  switch (action) {
    case 'created': {
      await deps.store.saveInstallation({ id: installation.id, account, suspended: false });
      for (const repository of payload.repositories ?? [])
        await deps.store.addInstallationRepository(installation.id, repository.full_name);
      context.log.info({ ...where, repositories: payload.repositories?.length ?? null }, 'installed');
      return;
    }
    case 'deleted': {
      const withdrawn = await deps.queue.discard(
        (job) => job.installationId === installation.id,
        new JobDiscardedError(`[sift] installation ${installation.id} was deleted`, 'installation'),
      );
      const forgotten = await deps.store.forgetInstallation(installation.id, account.id);
      context.log.info(
        { ...where, jobsWithdrawn: withdrawn, ...forgotten },
        'installation deleted: everything Sift stored for it (journal, outcomes, feedback, usage, plan) is deleted',
      );
      return;
    }
    case 'suspend':
    case 'unsuspend': {
      const suspended = action === 'suspend';
      await deps.store.saveInstallation({ id: installation.id, account, suspended });
      context.log.info(
        where,
        suspended
          ? 'installation suspended: it gets no reviews until it is unsuspended'
          : 'installation unsuspended',
      );
      return;
    }
    case 'new_permissions_accepted': {
      // Nothing to change: every job asks for a fresh token, which carries the new permissions.
      context.log.info(where, 'installation accepted new permissions');
      return;
    }
  }
}
