import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobDiscardedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { JobJournal } from '../job-journal.js';
import type { EnqueueResult, JobIdentity } from '../job-queue.js';
import { bullmqJobId, DISCARD_PREFIX } from './bullmq-job-id.js';
import type { JobCoordination } from './job-coordination.js';
import type { QueueTiming } from './queue-timing.js';

export interface BullmqProducerDeps<J> extends JobIdentity<J> {
  readonly queue: Queue;
  readonly redis: Redis;
  readonly coordination: JobCoordination;
  /** Where a job a worker must stop (a newer head arrived) is announced to every worker. */
  readonly cancelChannel: string;
  readonly timing: QueueTiming;
  readonly log: Logger;
  /** The web process's own record of accepted jobs: what Redis loses is enqueued again from it. */
  readonly journal?: JobJournal<J> | undefined;
  /** Ordering of versions within a key, as an ISO timestamp (GitHub's `updated_at`). */
  readonly orderOf: (job: J) => string | undefined;
}

/** `true` once Redis holds the job; what the webhook's answer needs. */
export interface BullmqProducer<J> {
  enqueue(job: J): Promise<EnqueueResult>;
  /** Compares the journal with Redis: crosses out what Redis holds or finished, enqueues what it lost. */
  reconcile(options?: { readonly all?: boolean }): Promise<{ requeued: number; pending: number }>;
  /** Withdraws the jobs `matches` selects: crossed out of the journal, removed, or told to stop. */
  discard(matches: (job: J) => boolean, reason: JobDiscardedError): Promise<number>;
}

// Every state a job not yet finished can be in; an active one cannot be removed, only told to stop.
const UNFINISHED_STATES = ['waiting', 'delayed', 'prioritized', 'active'] as const;

/**
 * The sending half of the Redis queue. A job is journaled locally first (when this process has a
 * journal), then its version claimed as its key's latest, then added to BullMQ under an id made
 * of key and version, which BullMQ keeps unique: a delivery handled twice adds one job. A newer
 * version removes the waiting older job, or, if a worker is running it, tells that worker to stop.
 */
export function createBullmqProducer<J>(deps: BullmqProducerDeps<J>): BullmqProducer<J> {
  const journaledAt = new Map<string, number>();

  const add = async (job: J, jobId: string): Promise<EnqueueResult> => {
    const key = deps.keyOf(job);
    const claim = await deps.coordination.claimLatest({
      key,
      version: deps.versionOf(job),
      jobId,
      updatedAt: deps.orderOf(job) ?? '',
    });
    if (claim.status === 'stale') return 'stale';
    // Also for a duplicate: if the process that claimed it died before adding, this adds it; if
    // the job is already there, BullMQ keeps the one it has.
    await deps.queue.add('sift-job', job, { jobId });
    if (claim.status !== 'claimed') return 'duplicate';
    if (claim.replaced && claim.replaced !== jobId) {
      await withdraw(claim.replaced);
      return 'superseded-older';
    }
    return 'queued';
  };

  /**
   * A waiting job is removed; a running one cannot be, so its worker is told to stop it. Either
   * way it is marked done, so no journal puts it back.
   */
  const withdraw = async (jobId: string) => {
    await deps.coordination.markDone(jobId);
    const removed = await deps.queue.remove(jobId).catch(() => 0);
    if (removed !== 1) await deps.redis.publish(deps.cancelChannel, jobId);
  };

  return {
    async enqueue(job) {
      const jobId = bullmqJobId(deps.keyOf(job), deps.versionOf(job));
      deps.journal?.accept(jobId, job);
      journaledAt.set(jobId, Date.now());
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Redis did not take the job within ${deps.timing.enqueueTimeoutMs} ms`)),
          deps.timing.enqueueTimeoutMs,
        );
      });
      try {
        const result = await Promise.race([add(job, jobId), timedOut]);
        if (result === 'stale') {
          deps.journal?.finish(jobId);
          journaledAt.delete(jobId);
        }
        return result;
      } catch (error) {
        // Journaled: the job is accepted, and the reconciler hands it to Redis when Redis answers.
        if (!deps.journal) throw error;
        deps.log.warn(
          { err: error, job: jobId },
          'Redis did not take the job; it is journaled and enqueued when Redis answers',
        );
        return 'queued';
      } finally {
        clearTimeout(timer);
      }
    },

    async discard(matches, reason) {
      // The journal first, so the reconciler cannot put back what is being withdrawn.
      for (const { id, job } of deps.journal?.unfinished() ?? []) {
        if (!matches(job)) continue;
        deps.journal?.finish(id);
        journaledAt.delete(id);
      }
      let withdrawn = 0;
      for (const bullJob of await deps.queue.getJobs([...UNFINISHED_STATES])) {
        const job = bullJob?.data as J | undefined;
        if (!bullJob?.id || job === undefined || !matches(job)) continue;
        await deps.coordination.withdraw(deps.keyOf(job), bullJob.id);
        const removed = await deps.queue.remove(bullJob.id).catch(() => 0);
        if (removed !== 1)
          await deps.redis.publish(deps.cancelChannel, `${DISCARD_PREFIX}${reason.gone}:${bullJob.id}`);
        withdrawn += 1;
      }
      return withdrawn;
    },

    async reconcile(options = {}) {
      let requeued = 0;
      let pending = 0;
      for (const { id, job } of deps.journal?.unfinished() ?? []) {
        const since = journaledAt.get(id);
        if (!options.all && since !== undefined && Date.now() - since < deps.timing.settleMs) {
          pending += 1;
          continue;
        }
        if (await settled(id)) {
          deps.journal?.finish(id);
          journaledAt.delete(id);
          continue;
        }
        const result = await add(job, id);
        if (result === 'stale') {
          deps.journal?.finish(id);
          continue;
        }
        journaledAt.set(id, Date.now());
        requeued += 1;
        deps.log.warn({ job: id }, 'Redis did not hold an accepted job; enqueued it again from the journal');
      }
      return { requeued, pending };
    },
  };

  /**
   * Redis holds the job (and has had time to write it to its AOF), or it finished or was replaced.
   * Anything else is enqueued again, and the claim decides: a newer version known → stale.
   */
  async function settled(id: string): Promise<boolean> {
    const state = await deps.queue.getJobState(id);
    return state !== 'unknown' || (await deps.coordination.isDone(id));
  }
}
