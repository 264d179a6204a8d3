import { DelayedError, type Job, type Queue, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobDiscardedError, ReviewSupersededError, ShuttingDownError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { JobIdentity, JobWorker } from '../job-queue.js';
import { DISCARD_PREFIX } from './bullmq-job-id.js';
import { DONE_KEPT_MS, type JobCoordination, type RunSlot } from './job-coordination.js';
import type { QueueTiming } from './queue-timing.js';
import { closeRedis } from './redis-connection.js';

/** How a process runs jobs: what it runs them with, how many at once, and what it does on failure. */
export interface JobConsumption<J> {
  readonly worker: JobWorker<J>;
  /** Jobs this process runs at once. */
  readonly concurrency: number;
  readonly groupOf: (job: J) => string;
  /** Jobs of one group (installation) running at once across every worker process. */
  readonly groupConcurrency: number;
  readonly onError: (error: unknown, job: J) => void;
  /** A job that crashed on every attempt: logged, counted and kept in the dead-letter list. */
  readonly onDeadLetter: (job: J, error: unknown, attempts: number) => void;
}

export interface BullmqConsumerDeps<J> extends JobIdentity<J>, JobConsumption<J> {
  readonly queue: Queue;
  /** BullMQ's key prefix: the worker's must be the queue's. */
  readonly prefix: string;
  readonly connection: Redis;
  /** A connection of its own: a subscribed connection can do nothing else. */
  readonly subscriber: Redis;
  readonly coordination: JobCoordination;
  readonly cancelChannel: string;
  readonly deadLetterKey: string;
  readonly timing: QueueTiming;
  readonly log: Logger;
}

export interface BullmqConsumer {
  /** Jobs running in this process now. */
  running(): number;
  /** Stops taking jobs; lets running ones finish for `timeoutMs`, then puts them back in the queue. */
  close(timeoutMs: number): Promise<void>;
}

const DEAD_LETTERS_KEPT = 1_000;

/**
 * The working half of the Redis queue: a BullMQ worker whose processor keeps Sift's promises on
 * top of BullMQ's. A job whose key has moved on is skipped; a job whose pull request or
 * installation is busy waits its turn (moved to BullMQ's delayed set); a job told to stop by a
 * newer version is aborted; a job stopped by shutdown goes back to the queue for another worker.
 * A worker that dies mid-job loses its BullMQ lock, and another worker takes the job over.
 */
export function startBullmqConsumer<J>(deps: BullmqConsumerDeps<J>): BullmqConsumer {
  const controllers = new Map<string, AbortController>();
  let closing = false;

  void deps.subscriber.subscribe(deps.cancelChannel).catch((error: unknown) => {
    deps.log.error({ err: error }, 'could not subscribe to job cancellations');
  });
  deps.subscriber.on('message', (channel: string, message: string) => {
    if (channel !== deps.cancelChannel) return;
    if (message.startsWith(DISCARD_PREFIX)) {
      const [gone, ...id] = message.slice(DISCARD_PREFIX.length).split(':');
      const jobId = id.join(':');
      const what = gone === 'repository' ? 'repository' : 'installation';
      controllers
        .get(jobId)
        ?.abort(new JobDiscardedError(`[sift] ${jobId} was withdrawn: its ${what} is gone`, what));
      return;
    }
    controllers
      .get(message)
      ?.abort(new ReviewSupersededError(`${message} was superseded by a newer version`));
  });

  const process = async (bullJob: Job, token?: string): Promise<string> => {
    const job = bullJob.data as J;
    const jobId = bullJob.id as string;
    const run: RunSlot = { key: deps.keyOf(job), jobId, group: deps.groupOf(job) };
    if (!(await deps.coordination.isLatest(run.key, jobId))) {
      await deps.coordination.finishRun(run, { doneTtlMs: DONE_KEPT_MS });
      return 'superseded before it started';
    }
    if (!(await deps.coordination.acquireRun(run, deps.timing.lockMs, deps.groupConcurrency))) {
      // Its pull request is being reviewed, or its installation has its share running: later.
      await bullJob.moveToDelayed(Date.now() + deps.timing.busyRetryMs, token);
      throw new DelayedError();
    }
    const controller = new AbortController();
    controllers.set(jobId, controller);
    const renew = setInterval(() => {
      deps.coordination.renewRun(run, deps.timing.lockMs).catch((error: unknown) => {
        deps.log.warn({ err: error, job: jobId }, 'could not extend the run lock');
      });
    }, deps.timing.lockMs / 3);
    const note = (facts: Partial<J>) => {
      bullJob.updateData({ ...(bullJob.data as J), ...facts }).catch((error: unknown) => {
        deps.log.warn({ err: error, job: jobId }, 'could not keep what the job learned');
      });
    };
    try {
      await deps.worker(job, controller.signal, note, bullJob.timestamp);
    } catch (error) {
      if (!(controller.signal.reason instanceof ShuttingDownError)) {
        // Withdrawn: whatever it failed with, it is over, and never retried.
        if (controller.signal.reason instanceof JobDiscardedError) {
          await deps.coordination.finishRun(run, { doneTtlMs: DONE_KEPT_MS });
          return 'discarded';
        }
        if (controller.signal.aborted && controller.signal.reason === error) {
          await deps.coordination.finishRun(run, { doneTtlMs: DONE_KEPT_MS });
          return 'superseded';
        }
        await failedAttempt(bullJob, job, run, error);
        throw error;
      }
    } finally {
      clearInterval(renew);
      controllers.delete(jobId);
    }
    if (controller.signal.reason instanceof ShuttingDownError) {
      // Back to the queue, not counted as an attempt: another worker (or this one, restarted) runs it.
      await deps.coordination.releaseRun(run);
      await bullJob.moveToWait(token);
      throw new WaitingError();
    }
    await deps.coordination.finishRun(run, { doneTtlMs: DONE_KEPT_MS });
    return 'done';
  };

  const failedAttempt = async (bullJob: Job, job: J, run: RunSlot, error: unknown) => {
    const attempts = bullJob.attemptsMade + 1;
    if (attempts < (bullJob.opts.attempts ?? 1)) {
      await deps.coordination.releaseRun(run);
      deps.onError(error, job);
      return;
    }
    await setAside(job, run, error, attempts);
  };

  /** A dead letter: the job's run is over, and it is logged, counted and kept in Redis's dead-letter list. */
  const setAside = async (job: J, run: RunSlot, error: unknown, attempts: number) => {
    await deps.coordination.finishRun(run, { doneTtlMs: DONE_KEPT_MS });
    const record = JSON.stringify({
      job,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      attempts,
      at: new Date().toISOString(),
    });
    await deps.connection
      .multi()
      .lpush(deps.deadLetterKey, record)
      .ltrim(deps.deadLetterKey, 0, DEAD_LETTERS_KEPT - 1)
      .exec();
    deps.onDeadLetter(job, error, attempts);
  };

  const worker = new Worker(deps.queue.name, process, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency,
    lockDuration: deps.timing.lockMs,
    stalledInterval: deps.timing.stalledCheckMs,
    // A worker killed twice on the same job (a job that kills its worker) is not retried forever.
    maxStalledCount: 2,
  });
  worker.on('error', (error) => deps.log.warn({ err: error }, 'job worker error'));
  // BullMQ fails a job that stalled too often without calling the processor: a dead letter too.
  worker.on('failed', (bullJob, error) => {
    if (!bullJob || !/stalled more than allowable limit/i.test(error.message)) return;
    const job = bullJob.data as J;
    const run = { key: deps.keyOf(job), jobId: bullJob.id as string, group: deps.groupOf(job) };
    setAside(job, run, error, bullJob.attemptsMade).catch((failure: unknown) => {
      deps.log.error({ err: failure, job: run.jobId }, 'could not record a dead letter');
    });
  });
  worker.on('stalled', (jobId) =>
    deps.log.warn({ job: jobId }, 'a worker stopped answering mid-job; another worker takes it over'),
  );

  return {
    running: () => controllers.size,
    async close(timeoutMs) {
      if (closing) return;
      closing = true;
      const drained = worker.close();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([drained.then(() => 'drained' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        for (const controller of controllers.values())
          controller.abort(new ShuttingDownError('[sift] shutting down'));
        await drained;
      }
      await Promise.all([closeRedis(deps.subscriber), closeRedis(deps.connection)]);
    },
  };
}
