import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobDiscardedError, ReviewSupersededError, ShuttingDownError } from '../../src/errors.js';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';
import type { JobJournal } from '../../src/queue/job-journal.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A pull request review job, reduced to what the queue looks at. */
interface Job {
  readonly pull: string;
  readonly head: string;
}

/** A job the test worker has started and that waits until the test settles it. */
interface Started {
  readonly job: Job;
  readonly signal: AbortSignal;
  finish(): void;
  fail(error: unknown): void;
}

const job = (pull: string, head: string): Job => ({ pull, head });
const label = ({ pull, head }: Job) => `${pull}@${head}`;

/**
 * A queue whose worker records each job it starts and leaves it running until the test finishes
 * or fails it. Like runReview, the worker stops when its signal aborts, rejecting with the reason.
 */
function harness(
  options: {
    concurrency?: number;
    stopsOnAbort?: boolean;
    journal?: JobJournal<Job>;
    perOwner?: number | 'no cap';
    retries?: number;
  } = {},
) {
  const started: Started[] = [];
  const errors: Array<{ error: unknown; job: string }> = [];
  const deadLetters: Array<{ job: string; attempts: number }> = [];
  const queue = createInProcessQueue<Job>({
    keyOf: (j) => j.pull,
    versionOf: (j) => j.head,
    concurrency: options.concurrency ?? 2,
    onError: (error, j) => errors.push({ error, job: label(j) }),
    journal: options.journal,
    perGroup: options.perOwner
      ? {
          groupOf: (j) => j.pull.split('/')[0] ?? '',
          concurrency: options.perOwner === 'no cap' ? undefined : options.perOwner,
        }
      : undefined,
    retries: options.retries
      ? {
          attempts: options.retries,
          delayMs: 10,
          onDeadLetter: (j, _error, attempts) => deadLetters.push({ job: label(j), attempts }),
        }
      : undefined,
    worker: (j, signal) =>
      new Promise<void>((resolve, reject) => {
        started.push({ job: j, signal, finish: resolve, fail: reject });
        if (options.stopsOnAbort ?? true) signal.addEventListener('abort', () => reject(signal.reason));
      }),
  });
  const running = (name: string): Started => {
    const found = started.findLast((entry) => label(entry.job) === name);
    if (!found) throw new Error(`${name} never started; started: ${startedLabels().join(', ')}`);
    return found;
  };
  const startedLabels = () => started.map((entry) => label(entry.job));
  return { queue, started, errors, deadLetters, running, startedLabels };
}

/** Lets the queue react to a settled worker (its promise callbacks run as microtasks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('in-process queue', () => {
  describe('concurrency', () => {
    it('runs up to the limit at once and starts the next job when one finishes', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 2 });
      expect(await queue.enqueue(job('acme/api#1', 'a1'))).toBe('queued');
      expect(await queue.enqueue(job('acme/api#2', 'b1'))).toBe('queued');
      expect(await queue.enqueue(job('acme/web#3', 'c1'))).toBe('queued');
      expect(startedLabels()).toEqual(['acme/api#1@a1', 'acme/api#2@b1']);

      running('acme/api#2@b1').finish();
      await settle();
      expect(startedLabels()).toEqual(['acme/api#1@a1', 'acme/api#2@b1', 'acme/web#3@c1']);
    });

    it('starts jobs in arrival order', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 1 });
      for (const pull of ['#1', '#2', '#3', '#4']) await queue.enqueue(job(pull, 'x'));
      for (const pull of ['#1', '#2', '#3']) {
        running(`${pull}@x`).finish();
        await settle();
      }
      expect(startedLabels()).toEqual(['#1@x', '#2@x', '#3@x', '#4@x']);
    });
  });

  describe('one pull request', () => {
    it('never runs two versions at once, even when the older one ignores the abort', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 4, stopsOnAbort: false });
      await queue.enqueue(job('#7', 'old'));
      expect(await queue.enqueue(job('#7', 'new'))).toBe('superseded-older');
      await settle();
      expect(startedLabels()).toEqual(['#7@old']);

      running('#7@old').finish();
      await settle();
      expect(startedLabels()).toEqual(['#7@old', '#7@new']);
    });

    it('waiting for its previous version does not hold up other pull requests', async () => {
      const { queue, startedLabels } = harness({ concurrency: 3, stopsOnAbort: false });
      await queue.enqueue(job('#7', 'a'));
      await queue.enqueue(job('#7', 'b'));
      await queue.enqueue(job('#8', 'a'));
      expect(startedLabels()).toEqual(['#7@a', '#8@a']);
    });
  });

  describe('duplicates (the same pull request at the same head)', () => {
    it('while it runs › "duplicate", and it is not run again', async () => {
      const { queue, running, startedLabels } = harness();
      await queue.enqueue(job('#7', 'a'));
      expect(await queue.enqueue(job('#7', 'a'))).toBe('duplicate');
      running('#7@a').finish();
      await queue.onIdle();
      expect(startedLabels()).toEqual(['#7@a']);
      expect(running('#7@a').signal.aborted).toBe(false);
    });

    it('while it waits › "duplicate", and it runs once', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 1 });
      await queue.enqueue(job('#1', 'x'));
      expect(await queue.enqueue(job('#7', 'a'))).toBe('queued');
      expect(await queue.enqueue(job('#7', 'a'))).toBe('duplicate');
      running('#1@x').finish();
      await settle();
      running('#7@a').finish();
      await queue.onIdle();
      expect(startedLabels()).toEqual(['#1@x', '#7@a']);
    });

    it('of the newer version waiting behind an older running one › "duplicate"', async () => {
      const { queue } = harness({ stopsOnAbort: false });
      await queue.enqueue(job('#7', 'a'));
      await queue.enqueue(job('#7', 'b'));
      expect(await queue.enqueue(job('#7', 'b'))).toBe('duplicate');
    });
  });

  describe('a newer version (a push)', () => {
    it('replaces the waiting older version, which never runs', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 1 });
      await queue.enqueue(job('#1', 'x'));
      await queue.enqueue(job('#7', 'a'));
      expect(await queue.enqueue(job('#7', 'b'))).toBe('superseded-older');

      running('#1@x').finish();
      await settle();
      running('#7@b').finish();
      await queue.onIdle();
      expect(startedLabels()).toEqual(['#1@x', '#7@b']);
    });

    it('aborts the running older version with ReviewSupersededError, without reporting it as an error', async () => {
      const { queue, running, errors } = harness();
      await queue.enqueue(job('#7', 'a'));
      const { signal } = running('#7@a');

      expect(await queue.enqueue(job('#7', 'b'))).toBe('superseded-older');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBeInstanceOf(ReviewSupersededError);
      expect((signal.reason as Error).message).toBe('#7 moved to b');

      await settle();
      running('#7@b').finish();
      await queue.onIdle();
      expect(errors).toEqual([]);
    });

    it('in a burst of three pushes › the first is aborted, the second never runs, the last runs after the first', async () => {
      const { queue, running, startedLabels, errors } = harness({ stopsOnAbort: false });
      await queue.enqueue(job('#7', 'c1'));
      const first = running('#7@c1');
      expect(await queue.enqueue(job('#7', 'c2'))).toBe('superseded-older');
      expect(await queue.enqueue(job('#7', 'c3'))).toBe('superseded-older');
      expect(first.signal.aborted).toBe(true);
      expect(startedLabels()).toEqual(['#7@c1']);

      first.fail(first.signal.reason); // the aborted review winds down
      await settle();
      expect(startedLabels()).toEqual(['#7@c1', '#7@c3']);
      expect(running('#7@c3').signal.aborted).toBe(false);

      running('#7@c3').finish();
      await queue.onIdle();
      expect(startedLabels()).toEqual(['#7@c1', '#7@c3']);
      expect(errors).toEqual([]);
    });

    it('takes its turn behind pull requests that were already waiting', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 1 });
      await queue.enqueue(job('#1', 'x'));
      await queue.enqueue(job('#7', 'a'));
      await queue.enqueue(job('#8', 'a'));
      await queue.enqueue(job('#7', 'b'));
      for (const name of ['#1@x', '#8@a']) {
        running(name).finish();
        await settle();
      }
      expect(startedLabels()).toEqual(['#1@x', '#8@a', '#7@b']);
    });
  });

  describe('onIdle', () => {
    it('with nothing queued › resolves at once', async () => {
      await expect(harness().queue.onIdle()).resolves.toBeUndefined();
    });

    it('resolves only once every waiting and running job has finished', async () => {
      const { queue, running } = harness({ concurrency: 1 });
      await queue.enqueue(job('#1', 'x'));
      await queue.enqueue(job('#2', 'x'));
      let idle = false;
      void queue.onIdle().then(() => {
        idle = true;
      });

      running('#1@x').finish();
      await settle();
      expect(idle).toBe(false);

      running('#2@x').finish();
      await settle();
      expect(idle).toBe(true);
    });
  });

  describe('a worker that fails', () => {
    it('is reported to onError with its job, and the queue keeps going', async () => {
      const { queue, running, errors, startedLabels } = harness({ concurrency: 1 });
      await queue.enqueue(job('#1', 'x'));
      await queue.enqueue(job('#2', 'x'));
      const crash = new TypeError("Cannot read properties of undefined (reading 'sha')");

      running('#1@x').fail(crash);
      await settle();
      expect(errors).toEqual([{ error: crash, job: '#1@x' }]);
      expect(startedLabels()).toEqual(['#1@x', '#2@x']);

      running('#2@x').finish();
      await expect(queue.onIdle()).resolves.toBeUndefined();
      expect(await queue.enqueue(job('#1', 'y'))).toBe('queued');
    });

    it('after being aborted, with an error of its own › still reported', async () => {
      const { queue, running, errors } = harness({ stopsOnAbort: false });
      await queue.enqueue(job('#7', 'a'));
      await queue.enqueue(job('#7', 'b'));
      const failure = new Error('check run update failed');
      running('#7@a').fail(failure);
      await settle();
      expect(errors).toEqual([{ error: failure, job: '#7@a' }]);
    });
  });

  describe('with retries', () => {
    const gateway = () => new Error('GitHub answered 502 while authenticating');

    it('a job that crashes once › tried again after a delay, and it finishes', async () => {
      const { queue, running, started, errors, deadLetters } = harness({ retries: 3 });
      await queue.enqueue(job('#1', 'x'));
      running('#1@x').fail(gateway());
      await expect.poll(() => started.length).toBe(2);
      running('#1@x').finish();
      await queue.onIdle();
      expect(errors).toHaveLength(1);
      expect(deadLetters).toEqual([]);
    });

    it('a job that crashes on every try › tried 3 times in all, then one dead letter', async () => {
      const { queue, running, started, deadLetters } = harness({ retries: 3 });
      await queue.enqueue(job('#2', 'x'));
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await expect.poll(() => started.length).toBe(attempt);
        running('#2@x').fail(gateway());
      }
      await queue.onIdle();
      expect(deadLetters).toEqual([{ job: '#2@x', attempts: 3 }]);
      expect(started).toHaveLength(3);
    });

    it('a newer head arriving while a crashed job waits to try again › only the newer one runs', async () => {
      const { queue, running, startedLabels } = harness({ retries: 3 });
      await queue.enqueue(job('#3', 'a'));
      running('#3@a').fail(gateway());
      await settle();
      expect(await queue.enqueue(job('#3', 'b'))).toBe('superseded-older');
      running('#3@b').finish();
      await queue.onIdle();
      expect(startedLabels()).toEqual(['#3@a', '#3@b']);
    });

    it('with a journal › a job waiting to try again stays written down until it ends', async () => {
      const store = openSqliteStore<Job>(makeTempDir('sift-queue-retry-'));
      const { queue, running, started } = harness({ retries: 3, journal: store.journal });
      await queue.enqueue(job('#4', 'x'));
      running('#4@x').fail(gateway());
      await settle();
      expect(store.journal.unfinished().map((entry) => entry.id)).toEqual(['#4@x']);
      await expect.poll(() => started.length).toBe(2);
      running('#4@x').finish();
      await queue.onIdle();
      expect(store.journal.unfinished()).toEqual([]);
      store.close();
    });
  });

  describe('close', () => {
    it('lets running and waiting jobs finish, then returns nothing left over', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 1 });
      await queue.enqueue(job('#1', 'x'));
      await queue.enqueue(job('#2', 'x'));
      const closed = queue.close(10_000);

      running('#1@x').finish();
      await settle();
      expect(running('#1@x').signal.aborted).toBe(false);
      running('#2@x').finish();
      await expect(closed).resolves.toEqual([]);
      expect(startedLabels()).toEqual(['#1@x', '#2@x']);
    });

    it('refuses new jobs once called', async () => {
      const { queue } = harness();
      await queue.close(10_000);
      await expect(queue.enqueue(job('#1', 'x'))).rejects.toThrow(
        '[sift] the job queue is shutting down and takes no new jobs',
      );
    });

    it('after its timeout › aborts running jobs and returns those that never started', async () => {
      vi.useFakeTimers();
      const { queue, running, startedLabels, errors } = harness({ concurrency: 1 });
      await queue.enqueue(job('#1', 'x'));
      await queue.enqueue(job('#2', 'x'));
      await queue.enqueue(job('#3', 'x'));
      let result: Job[] | undefined;
      void queue.close(25_000).then((dropped) => {
        result = dropped;
      });

      await vi.advanceTimersByTimeAsync(24_999);
      expect(running('#1@x').signal.aborted).toBe(false);
      expect(result).toBeUndefined();

      await vi.advanceTimersByTimeAsync(1);
      const { signal } = running('#1@x');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBeInstanceOf(ShuttingDownError);
      expect(result).toEqual([job('#2', 'x'), job('#3', 'x')]);
      expect(startedLabels()).toEqual(['#1@x']);
      expect(errors).toEqual([]);
    });

    it('after its timeout › waits for aborted jobs to wind down before resolving', async () => {
      vi.useFakeTimers();
      const { queue, running } = harness({ stopsOnAbort: false });
      await queue.enqueue(job('#1', 'x'));
      let done = false;
      void queue.close(100).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(100);
      expect(running('#1@x').signal.aborted).toBe(true);
      expect(done).toBe(false);

      running('#1@x').finish();
      await vi.advanceTimersByTimeAsync(0);
      expect(done).toBe(true);
    });

    it('with nothing to do › resolves at once with nothing left over', async () => {
      await expect(harness().queue.close(10_000)).resolves.toEqual([]);
    });
  });

  describe('with a journal', () => {
    const journaled = (journal: JobJournal<Job>) => journal.unfinished().map((entry) => label(entry.job));

    it('a job is written down before enqueue returns, and crossed out when it ends', async () => {
      const { journal } = openSqliteStore<Job>(makeTempDir('sift-queue-'));
      const { queue, running } = harness({ journal });
      await queue.enqueue(job('#1', 'a'));
      expect(journaled(journal)).toEqual(['#1@a']);
      running('#1@a').finish();
      await queue.onIdle();
      expect(journaled(journal)).toEqual([]);
    });

    it('a waiting job replaced by a newer head › crossed out; duplicates and stale ones are not written', async () => {
      const { journal } = openSqliteStore<Job>(makeTempDir('sift-queue-'));
      const { queue } = harness({ journal, concurrency: 1 });
      await queue.enqueue(job('#0', 'x'));
      await queue.enqueue(job('#1', 'a'));
      await queue.enqueue(job('#1', 'a'));
      await queue.enqueue(job('#1', 'b'));
      expect(journaled(journal)).toEqual(['#0@x', '#1@b']);
    });

    it('shutdown › the running job and the waiting ones stay in the journal, and resume runs them', async () => {
      vi.useFakeTimers();
      const dir = makeTempDir('sift-queue-');
      const { journal } = openSqliteStore<Job>(dir);
      const first = harness({ journal, concurrency: 1 });
      await first.queue.enqueue(job('#1', 'a'));
      await first.queue.enqueue(job('#2', 'a'));
      const closing = first.queue.close(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
      await closing;
      expect(journaled(journal)).toEqual(['#1@a', '#2@a']);
      vi.useRealTimers();

      const next = harness({ journal: openSqliteStore<Job>(dir).journal, concurrency: 2 });
      expect(await next.queue.resume()).toBe(2);
      expect(next.startedLabels()).toEqual(['#1@a', '#2@a']);
    });

    it('a job that fails › crossed out too (it reported its failure; Re-run starts it again)', async () => {
      const { journal } = openSqliteStore<Job>(makeTempDir('sift-queue-'));
      const { queue, running } = harness({ journal });
      await queue.enqueue(job('#1', 'a'));
      running('#1@a').fail(new Error('model down'));
      await queue.onIdle();
      expect(journaled(journal)).toEqual([]);
    });
  });

  describe('discard (an installation uninstalled)', () => {
    const ofAcme = (j: Job) => j.pull.startsWith('acme/');

    it('› its waiting, retrying and running jobs are withdrawn and crossed out; the running one stops, is not retried and no error is reported; others run', async () => {
      const { journal } = openSqliteStore<Job>(makeTempDir('sift-queue-'));
      const { queue, running, started, errors, deadLetters, startedLabels } = harness({
        journal,
        concurrency: 2,
        retries: 3,
      });
      await queue.enqueue(job('acme/a#1', 'x')); // runs
      await queue.enqueue(job('acme/b#2', 'x')); // runs, then crashes and waits to try again
      running('acme/b#2@x').fail(new Error('GitHub answered 502'));
      await settle();
      await queue.enqueue(job('acme/c#3', 'x')); // takes the free slot
      await queue.enqueue(job('acme/d#4', 'x')); // waits
      await queue.enqueue(job('globex/e#5', 'x')); // waits

      expect(
        await queue.discard(ofAcme, new JobDiscardedError('installation 42 was deleted', 'installation')),
      ).toBe(4);
      expect(running('acme/a#1@x').signal.reason).toBeInstanceOf(JobDiscardedError);
      expect(running('acme/c#3@x').signal.reason).toBeInstanceOf(JobDiscardedError);
      await expect.poll(() => startedLabels().includes('globex/e#5@x')).toBe(true);
      running('globex/e#5@x').finish();
      await queue.onIdle();

      expect(startedLabels()).toEqual(['acme/a#1@x', 'acme/b#2@x', 'acme/c#3@x', 'globex/e#5@x']);
      expect(started.filter((entry) => entry.job.pull === 'acme/b#2')).toHaveLength(1);
      expect(errors.map((entry) => entry.job)).toEqual(['acme/b#2@x']); // its first crash, before
      expect(deadLetters).toEqual([]);
      expect(journal.unfinished()).toEqual([]);
    });

    it('a discarded job that ignores its signal and then fails › still not retried', async () => {
      const { queue, running, started, deadLetters } = harness({ retries: 3, stopsOnAbort: false });
      await queue.enqueue(job('acme/a#1', 'x'));
      await queue.discard(ofAcme, new JobDiscardedError('installation 42 was deleted', 'installation'));
      running('acme/a#1@x').fail(new Error('GitHub answered 401: the installation is gone'));
      await queue.onIdle();
      expect(started).toHaveLength(1);
      expect(deadLetters).toEqual([]);
    });
  });

  describe('fairness between installations', () => {
    it('a burst of 500 pull requests from one owner › another owner’s single one starts at the next free slot', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 4, perOwner: 3 });
      for (let number = 1; number <= 500; number += 1) await queue.enqueue(job(`acme/api#${number}`, 'a'));
      await queue.enqueue(job('globex/web#1', 'a'));
      // acme holds 3 of the 4 slots; the fourth goes to globex straight away.
      expect(startedLabels()).toEqual(['acme/api#1@a', 'acme/api#2@a', 'acme/api#3@a', 'globex/web#1@a']);
      running('acme/api#1@a').finish();
      await settle();
      expect(startedLabels().at(-1)).toBe('acme/api#4@a');
      expect(startedLabels()).toHaveLength(5);
    });

    it('without a cap › one owner may use every slot, and the other owner gets the next one that frees', async () => {
      const { queue, running, startedLabels } = harness({ concurrency: 4, perOwner: 'no cap' });
      for (let number = 1; number <= 500; number += 1) await queue.enqueue(job(`acme/api#${number}`, 'a'));
      await queue.enqueue(job('globex/web#1', 'a'));
      expect(startedLabels()).toEqual(['acme/api#1@a', 'acme/api#2@a', 'acme/api#3@a', 'acme/api#4@a']);
      running('acme/api#2@a').finish();
      await settle();
      expect(startedLabels().at(-1)).toBe('globex/web#1@a');
    });
  });
});
