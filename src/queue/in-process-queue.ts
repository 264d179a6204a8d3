import { JobDiscardedError, ReviewSupersededError, ShuttingDownError } from '../errors.js';
import type { JobJournal } from './job-journal.js';
import type { EnqueueResult, JobIdentity, JobQueue, JobWorker } from './job-queue.js';

export interface InProcessQueueOptions<J> extends JobIdentity<J> {
  readonly worker: JobWorker<J>;
  /** Jobs running at once across all keys. */
  readonly concurrency: number;
  /**
   * Fairness between groups (installations): a free slot goes to the waiting job whose group has
   * the fewest running, so a burst of 500 pull requests from one organisation does not make
   * another's single one wait behind it; `concurrency` caps one group's running jobs outright.
   */
  readonly perGroup?:
    | { readonly groupOf: (job: J) => string; readonly concurrency?: number | undefined }
    | undefined;
  /** Told about worker errors; the worker is expected to report its own failures first. */
  readonly onError: (error: unknown, job: J) => void;
  /** Where accepted jobs are written before `enqueue` returns; without one they live in memory only. */
  readonly journal?: JobJournal<J> | undefined;
  /**
   * A job that crashes is tried again, `delayMs` later and twice as long each next time, up to
   * `attempts` tries in all (unless a newer version of its key arrived meanwhile); then it is a
   * dead letter. Without this, a crash is reported to `onError` and the job is done.
   */
  readonly retries?:
    | {
        readonly attempts: number;
        readonly delayMs: number;
        readonly onDeadLetter: (job: J, error: unknown, attempts: number) => void;
      }
    | undefined;
}

interface Running<J> {
  readonly job: J;
  readonly controller: AbortController;
}

/**
 * The queue behind the JobQueue port for one process. With a journal it is durable: a job is
 * written down before `enqueue` returns (before the webhook is answered) and crossed out when it
 * ends or a newer version replaces it, so a process killed at any moment resumes what it had
 * accepted (`resume`). A job cancelled by shutdown stays in the journal for the next start.
 */
export function createInProcessQueue<J>(options: InProcessQueueOptions<J>): JobQueue<J> {
  const waiting = new Map<string, J>(); // at most one waiting job per key, in arrival order
  const running = new Map<string, Running<J>>();
  let idleWaiters: Array<() => void> = [];
  let closed = false;
  const journal = options.journal;
  const idOf = (job: J) => `${options.keyOf(job)}@${options.versionOf(job)}`;
  const acceptedAt = new Map<string, number>();
  const attemptsMade = new Map<string, number>(); // by job id, while a crashed job waits to try again
  const retrying = new Map<string, { readonly job: J; readonly timer: NodeJS.Timeout }>(); // by key

  const runningIn = (job: J) => {
    const group = options.perGroup?.groupOf(job);
    if (group === undefined) return 0;
    let count = 0;
    for (const entry of running.values()) if (options.perGroup?.groupOf(entry.job) === group) count += 1;
    return count;
  };
  /** The next job to start: of the waiting ones that may start, the first of the least busy group. */
  const next = (): [string, J] | undefined => {
    let best: [string, J, number] | undefined;
    for (const [key, job] of waiting) {
      if (running.has(key)) continue;
      const busy = runningIn(job);
      if (busy >= (options.perGroup?.concurrency ?? Number.POSITIVE_INFINITY)) continue;
      if (!best || busy < best[2]) best = [key, job, busy];
      if (busy === 0) break;
    }
    return best && [best[0], best[1]];
  };

  const pump = () => {
    while (running.size < options.concurrency) {
      const chosen = next();
      if (!chosen) break;
      waiting.delete(chosen[0]);
      start(chosen[0], chosen[1]);
    }
    if (waiting.size === 0 && running.size === 0 && retrying.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  const start = (key: string, job: J) => {
    const controller = new AbortController();
    running.set(key, { job, controller });
    const id = idOf(job);
    let retry = false;
    options
      .worker(job, controller.signal, (facts) => journal?.note(id, facts), acceptedAt.get(id) ?? Date.now())
      .catch((error: unknown) => {
        if (controller.signal.aborted && controller.signal.reason === error) return;
        // Withdrawn (its installation is gone): whatever it failed with, it is not tried again.
        if (controller.signal.reason instanceof JobDiscardedError) return;
        retry = crashed(key, job, error);
      })
      .finally(() => {
        running.delete(key);
        if (!retry) {
          // Cancelled by shutdown: left in the journal, the next start runs it again.
          if (!(closed && controller.signal.aborted)) journal?.finish(id);
          acceptedAt.delete(id);
          attemptsMade.delete(id);
        }
        pump();
      });
  };

  /** Reports a crash; schedules the next try when one is left (true), or sets the job aside as a dead letter. */
  const crashed = (key: string, job: J, error: unknown): boolean => {
    const retries = options.retries;
    if (!retries) {
      options.onError(error, job);
      return false;
    }
    const id = idOf(job);
    const attempts = (attemptsMade.get(id) ?? 0) + 1;
    if (attempts >= retries.attempts || closed) {
      retries.onDeadLetter(job, error, attempts);
      return false;
    }
    options.onError(error, job);
    attemptsMade.set(id, attempts);
    const timer = setTimeout(
      () => {
        retrying.delete(key);
        if (!closed) waiting.set(key, job);
        pump();
      },
      retries.delayMs * 2 ** (attempts - 1),
    );
    retrying.set(key, { job, timer });
    return true;
  };

  return {
    async enqueue(job) {
      if (closed) throw new Error('[sift] the job queue is shutting down and takes no new jobs');
      const key = options.keyOf(job);
      const version = options.versionOf(job);
      const retry = retrying.get(key);
      if (retry && options.versionOf(retry.job) === version) return 'duplicate';
      const queued = waiting.get(key);
      const active = running.get(key);
      if (queued && options.versionOf(queued) === version) return 'duplicate';
      if (!queued && active && options.versionOf(active.job) === version) return 'duplicate';
      const newest = queued ?? active?.job ?? retry?.job;
      if (newest && options.isOlder?.(job, newest)) return 'stale';
      if (retry) {
        // A newer version replaces the one waiting to try again.
        clearTimeout(retry.timer);
        retrying.delete(key);
        journal?.finish(idOf(retry.job));
        attemptsMade.delete(idOf(retry.job));
        acceptedAt.delete(idOf(retry.job));
      }
      let result: EnqueueResult = queued || retry ? 'superseded-older' : 'queued';
      if (active && options.versionOf(active.job) !== version) {
        active.controller.abort(new ReviewSupersededError(`${key} moved to ${version}`));
        result = 'superseded-older';
      }
      journal?.accept(idOf(job), job);
      acceptedAt.set(idOf(job), Date.now());
      if (queued) {
        journal?.finish(idOf(queued));
        acceptedAt.delete(idOf(queued));
      }
      waiting.delete(key); // re-insert so the newest version takes its turn at the back
      waiting.set(key, job);
      pump();
      return result;
    },
    size: () => waiting.size + running.size + retrying.size,
    async discard(matches, reason) {
      let withdrawn = 0;
      const drop = (job: J) => {
        journal?.finish(idOf(job));
        acceptedAt.delete(idOf(job));
        attemptsMade.delete(idOf(job));
        withdrawn += 1;
      };
      for (const [key, job] of [...waiting]) {
        if (!matches(job)) continue;
        waiting.delete(key);
        drop(job);
      }
      for (const [key, { job, timer }] of [...retrying]) {
        if (!matches(job)) continue;
        clearTimeout(timer);
        retrying.delete(key);
        drop(job);
      }
      for (const { job, controller } of running.values()) {
        if (!matches(job)) continue;
        // Crossed out of the journal when it ends (it is not being closed for a restart).
        controller.abort(reason);
        withdrawn += 1;
      }
      pump();
      return withdrawn;
    },
    async resume() {
      const unfinished = journal?.unfinished() ?? [];
      for (const { job } of unfinished) await this.enqueue(job);
      return unfinished.length;
    },
    onIdle() {
      if (waiting.size === 0 && running.size === 0 && retrying.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    // Container platforms give a stopping process about 30 s (Docker's default stop timeout is 10 s).
    async close(timeoutMs = 25_000) {
      closed = true;
      const drained = this.onIdle();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([drained, timedOut]);
      clearTimeout(timer);
      if (outcome !== 'timeout') return [];
      const dropped = [...waiting.values()];
      waiting.clear();
      // A job waiting to try again stays in the journal: the next start tries it.
      for (const { timer } of retrying.values()) clearTimeout(timer);
      retrying.clear();
      pump();
      for (const { controller } of running.values())
        controller.abort(new ShuttingDownError('[sift] shutting down'));
      await drained;
      return dropped;
    },
  };
}
