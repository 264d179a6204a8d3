import { Queue } from 'bullmq';
import type { Logger } from '../../logger.js';
import type { JobJournal } from '../job-journal.js';
import type { JobIdentity, JobQueue } from '../job-queue.js';
import { type BullmqConsumer, type JobConsumption, startBullmqConsumer } from './bullmq-consumer.js';
import { createBullmqProducer } from './bullmq-producer.js';
import { createJobCoordination } from './job-coordination.js';
import { DEFAULT_QUEUE_TIMING, type QueueTiming } from './queue-timing.js';
import { closeRedis, connectRedis } from './redis-connection.js';

export const QUEUE_NAME = 'sift-jobs';

export interface BullmqQueueOptions<J> extends JobIdentity<J> {
  readonly redisUrl: string;
  /** Namespaces every Redis key Sift writes, so one Redis can serve several deployments. */
  readonly prefix?: string | undefined;
  /** Ordering of versions within a key (GitHub's `updated_at`); see JobIdentity.isOlder. */
  readonly orderOf: (job: J) => string | undefined;
  /** Runs jobs in this process (roles `worker` and `all`); absent, the process only enqueues. */
  readonly consume?: JobConsumption<J> | undefined;
  /** Where this process journals the jobs it accepts (roles `web` and `all`). */
  readonly journal?: JobJournal<J> | undefined;
  readonly timing?: Partial<QueueTiming> | undefined;
  readonly log: Logger;
}

export interface BullmqJobQueue<J> extends JobQueue<J> {
  /** Whether Redis answers now (for `/readyz`). */
  reachable(): Promise<boolean>;
}

/** Whether `work` settled within `ms`; its failure counts as settled (there is nothing left to do about it). */
async function within(ms: number, work: Promise<unknown> | undefined): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = (work ?? Promise.resolve()).then(
    () => true,
    () => true,
  );
  const result = await Promise.race([settled, timedOut]);
  clearTimeout(timer);
  return result;
}

/**
 * The JobQueue port on BullMQ and Redis, shared by any number of web and worker processes. Web
 * processes journal what they accept and check the journal against Redis every few seconds, so a
 * job Redis loses (a crash inside its AOF's last second) is enqueued again; workers run jobs one
 * per pull request, within each installation's share, and take over the jobs of a worker that died.
 */
export function createBullmqQueue<J>(options: BullmqQueueOptions<J>): BullmqJobQueue<J> {
  const timing: QueueTiming = { ...DEFAULT_QUEUE_TIMING, ...options.timing };
  const prefix = options.prefix ?? 'sift';
  const log = options.log;
  const redis = connectRedis(options.redisUrl, log, 'queue');
  const queue = new Queue(QUEUE_NAME, {
    connection: redis,
    prefix: `${prefix}:bull`,
    defaultJobOptions: {
      attempts: timing.attempts,
      backoff: { type: 'exponential', delay: timing.retryDelayMs },
      // Finished jobs leave Redis at once (a Re-run of the same head must be able to add it
      // again); the coordination keeps a day-long "done" mark, and dead letters their own list.
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
  queue.on('error', (error) => log.warn({ err: error }, 'job queue error'));
  const coordination = createJobCoordination(redis, prefix);
  const cancelChannel = `${prefix}:cancel`;
  const deadLetterKey = `${prefix}:dead-letters`;
  const producer = createBullmqProducer({
    ...options,
    queue,
    redis,
    coordination,
    cancelChannel,
    timing,
    log,
  });
  let consumer: BullmqConsumer | undefined;
  if (options.consume) {
    const workerConnection = connectRedis(options.redisUrl, log, 'worker');
    consumer = startBullmqConsumer({
      ...options,
      ...options.consume,
      queue,
      prefix: `${prefix}:bull`,
      connection: workerConnection,
      subscriber: connectRedis(options.redisUrl, log, 'cancellations'),
      coordination,
      cancelChannel,
      deadLetterKey,
      timing,
      log,
    });
  }

  let depth = 0;
  let closed = false;
  const refreshDepth = async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    depth = Object.values(counts).reduce((sum, count) => sum + count, 0);
    return depth;
  };
  const depthTimer = setInterval(() => void refreshDepth().catch(() => {}), 2_000);
  depthTimer.unref();
  const reconcileTimer = options.journal
    ? setInterval(() => {
        producer.reconcile().catch((error: unknown) => {
          log.warn({ err: error }, 'could not check the journal against Redis; trying again shortly');
        });
      }, timing.reconcileEveryMs)
    : undefined;
  reconcileTimer?.unref();

  return {
    async enqueue(job) {
      if (closed) throw new Error('[sift] the job queue is shutting down and takes no new jobs');
      return producer.enqueue(job);
    },
    size: () => depth,
    async discard(matches, reason) {
      const withdrawn = await producer.discard(matches, reason);
      // Dead letters keep the job they failed: a withdrawn installation's go too.
      for (const entry of await redis.lrange(deadLetterKey, 0, -1)) {
        const job = deadLetterJob<J>(entry);
        if (job !== undefined && matches(job)) await redis.lrem(deadLetterKey, 1, entry);
      }
      return withdrawn;
    },
    async resume() {
      const { requeued, pending } = await producer.reconcile({ all: true });
      return requeued + pending;
    },
    async onIdle() {
      while ((await refreshDepth()) > 0 || (consumer?.running() ?? 0) > 0)
        await new Promise((resolve) => setTimeout(resolve, 100));
    },
    async close(timeoutMs = 25_000) {
      closed = true;
      clearInterval(depthTimer);
      if (reconcileTimer) clearInterval(reconcileTimer);
      // With Redis down nothing can be handed back or confirmed: stop waiting after a few seconds
      // (what was running is taken over when Redis returns, what was accepted is in the journal).
      await within(timeoutMs + 5_000, consumer?.close(timeoutMs));
      await within(5_000, queue.close());
      await closeRedis(redis);
      // Nothing is dropped: what never started waits in Redis for the next worker.
      return [];
    },
    async reachable() {
      try {
        return (
          (await Promise.race([
            redis.ping(),
            new Promise((resolve) => setTimeout(resolve, 1_000, 'timeout')),
          ])) === 'PONG'
        );
      } catch {
        return false;
      }
    },
  };
}

/** The job of a dead-letter record; undefined when the record is not one this queue wrote. */
function deadLetterJob<J>(entry: string): J | undefined {
  try {
    const record = JSON.parse(entry) as { job?: unknown };
    return typeof record.job === 'object' && record.job !== null ? (record.job as J) : undefined;
  } catch {
    return undefined;
  }
}
