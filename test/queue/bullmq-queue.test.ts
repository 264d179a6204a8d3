import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { JobDiscardedError, ReviewSupersededError } from '../../src/errors.js';
import type { JobJournal, JournaledJob } from '../../src/queue/job-journal.js';
import type { JobWorker } from '../../src/queue/job-queue.js';
import {
  type BullmqJobQueue,
  type BullmqQueueOptions,
  createBullmqQueue,
} from '../../src/queue/redis/create-bullmq-queue.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';

/** A job as the queue sees it: a pull request (its key), a head (its version), an installation. */
interface Job {
  readonly pull: string;
  readonly head: string;
  readonly installation: string;
  readonly updatedAt?: string;
  readonly checkRun?: number;
}

const log = pino({ level: 'silent' });
// Short clocks: a silent worker's job is taken over in about a second instead of half a minute.
const TIMING = { lockMs: 1_500, stalledCheckMs: 500, retryDelayMs: 50, busyRetryMs: 50, settleMs: 0 };

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function memoryJournal(): JobJournal<Job> & { readonly entries: Map<string, Job> } {
  const entries = new Map<string, Job>();
  return {
    entries,
    accept: (id, job) => void (entries.has(id) || entries.set(id, job)),
    note: (id, facts) => void (entries.has(id) && entries.set(id, { ...(entries.get(id) as Job), ...facts })),
    finish: (id) => void entries.delete(id),
    unfinished: (): Array<JournaledJob<Job>> => [...entries].map(([id, job]) => ({ id, job })),
  };
}

describeWithRedis('the Redis queue (BullMQ), shared by several processes', () => {
  let redis: RedisServer;
  let prefix = '';
  const open: Array<BullmqJobQueue<Job>> = [];
  let sequence = 0;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((queue) => queue.close(2_000)));
  });

  /** One process's queue: it enqueues, and runs jobs when given a worker. */
  const processWith = (
    worker?: JobWorker<Job>,
    extra: Partial<BullmqQueueOptions<Job>> & { groupConcurrency?: number; concurrency?: number } = {},
  ) => {
    const queue = createBullmqQueue<Job>({
      redisUrl: redis.url,
      prefix,
      keyOf: (job) => job.pull,
      versionOf: (job) => job.head,
      orderOf: (job) => job.updatedAt,
      consume: worker && {
        worker,
        concurrency: extra.concurrency ?? 4,
        groupOf: (job) => job.installation,
        groupConcurrency: extra.groupConcurrency ?? 100,
        onError: () => {},
        onDeadLetter: extra.consume?.onDeadLetter ?? (() => {}),
      },
      timing: TIMING,
      log,
      journal: extra.journal,
    });
    open.push(queue);
    return queue;
  };
  const fresh = () => {
    sequence += 1;
    prefix = `test${sequence}`;
  };

  it('a redelivery › "duplicate"; an older head arriving late › "stale"; each head runs once', async () => {
    fresh();
    const ran: string[] = [];
    const web = processWith();
    expect(
      await web.enqueue({
        pull: 'acme/a#1',
        head: 'h2',
        installation: '1',
        updatedAt: '2026-12-01T10:02:00Z',
      }),
    ).toBe('queued');
    expect(
      await web.enqueue({
        pull: 'acme/a#1',
        head: 'h2',
        installation: '1',
        updatedAt: '2026-12-01T10:02:00Z',
      }),
    ).toBe('duplicate');
    expect(
      await web.enqueue({
        pull: 'acme/a#1',
        head: 'h1',
        installation: '1',
        updatedAt: '2026-12-01T10:01:00Z',
      }),
    ).toBe('stale');
    const worker = processWith(async (job) => {
      ran.push(`${job.pull}@${job.head}`);
    });
    await worker.onIdle();
    expect(ran).toEqual(['acme/a#1@h2']);
  });

  it('a push while another process reviews the older head › that review is aborted (ReviewSupersededError) and the new head runs after it', async () => {
    fresh();
    const started = deferred();
    const events: string[] = [];
    processWith(async (job, signal) => {
      events.push(`start ${job.head}`);
      if (job.head === 'h1') {
        started.resolve();
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        events.push(`aborted ${job.head}: ${(signal.reason as Error).name}`);
        throw signal.reason;
      }
    });
    const web = processWith();
    await web.enqueue({ pull: 'acme/a#2', head: 'h1', installation: '1' });
    await started.promise;
    expect(await web.enqueue({ pull: 'acme/a#2', head: 'h2', installation: '1' })).toBe('superseded-older');
    await web.onIdle();
    expect(events).toEqual(['start h1', `aborted h1: ${ReviewSupersededError.name}`, 'start h2']);
  });

  it("an installation's burst of 20 with a share of 1 › another installation's single job starts before the burst is through", async () => {
    fresh();
    const order: string[] = [];
    const web = processWith();
    for (let n = 1; n <= 20; n += 1)
      await web.enqueue({ pull: `big/repo#${n}`, head: 'h', installation: 'big' });
    await web.enqueue({ pull: 'small/repo#1', head: 'h', installation: 'small' });
    const run: JobWorker<Job> = async (job) => {
      order.push(job.installation);
      await new Promise((resolve) => setTimeout(resolve, 30));
    };
    processWith(run, { groupConcurrency: 1, concurrency: 2 });
    processWith(run, { groupConcurrency: 1, concurrency: 2 });
    await web.onIdle();
    expect(order).toHaveLength(21);
    expect(order.indexOf('small')).toBeLessThan(5);
  });

  it('a job that crashes every time › retried with backoff, then one dead letter with its error, kept in Redis', async () => {
    fresh();
    let attempts = 0;
    const deadLetters: Array<{ job: Job; attempts: number }> = [];
    const worker = processWith(
      async () => {
        attempts += 1;
        throw new Error('GitHub answered 502 while authenticating');
      },
      {
        consume: {
          onDeadLetter: (job: Job, _error: unknown, tries: number) =>
            deadLetters.push({ job, attempts: tries }),
        } as never,
      },
    );
    await worker.enqueue({ pull: 'acme/a#3', head: 'h1', installation: '1' });
    await expect.poll(() => deadLetters.length, { timeout: 10_000 }).toBe(1);
    expect(attempts).toBe(4);
    expect(deadLetters[0]).toMatchObject({ job: { pull: 'acme/a#3' }, attempts: 4 });
    const client = new Redis(redis.url);
    const [record] = await client.lrange(`${prefix}:dead-letters`, 0, 0);
    await client.quit();
    expect(JSON.parse(record ?? '{}')).toMatchObject({
      error: 'Error: GitHub answered 502 while authenticating',
      attempts: 4,
    });
  });

  it('a worker shut down mid-job › the job goes back to the queue with what it noted, and another worker finishes it', async () => {
    fresh();
    const started = deferred();
    const first = processWith(async (_job, signal, note) => {
      note({ checkRun: 77 });
      started.resolve();
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    });
    await first.enqueue({ pull: 'acme/a#4', head: 'h1', installation: '1' });
    await started.promise;
    await new Promise((resolve) => setTimeout(resolve, 100)); // the note reaches Redis
    await first.close(100);
    const resumed: Job[] = [];
    const second = processWith(async (job) => {
      resumed.push(job);
    });
    await second.onIdle();
    expect(resumed).toEqual([{ pull: 'acme/a#4', head: 'h1', installation: '1', checkRun: 77 }]);
  });

  it('a job Redis lost (its data wiped) › the web process enqueues it again from its journal', async () => {
    fresh();
    const journal = memoryJournal();
    const web = processWith(undefined, { journal });
    await web.enqueue({ pull: 'acme/a#5', head: 'h1', installation: '1' });
    const client = new Redis(redis.url);
    await client.flushall();
    await client.quit();
    expect(await web.resume()).toBe(1);
    const ran: string[] = [];
    const worker = processWith(async (job) => {
      ran.push(job.head);
    });
    await worker.onIdle();
    expect(ran).toEqual(['h1']);
    await web.resume(); // Redis no longer holds it and marked it done: crossed out
    expect(journal.entries.size).toBe(0);
  });

  it("an installation uninstalled › its running job stops (JobDiscardedError), its waiting ones and its dead letters go, the journal forgets them; another installation's job runs", async () => {
    fresh();
    const client = new Redis(redis.url);
    await client.lpush(
      `${prefix}:dead-letters`,
      JSON.stringify({
        job: { pull: 'acme/old#9', head: 'h0', installation: '1' },
        error: 'Error: x',
        attempts: 4,
      }),
      JSON.stringify({
        job: { pull: 'globex/old#9', head: 'h0', installation: '2' },
        error: 'Error: x',
        attempts: 4,
      }),
    );
    const journal = memoryJournal();
    const web = processWith(undefined, { journal });
    const started = deferred();
    const events: string[] = [];
    processWith(
      async (job, signal) => {
        events.push(`start ${job.pull}`);
        if (job.pull !== 'acme/a#1') return;
        started.resolve();
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        events.push(`stopped ${job.pull}: ${(signal.reason as Error).name}`);
        // Its installation's token is gone: whatever it fails with now is not retried.
        throw new Error('GitHub answered 401');
      },
      { concurrency: 1 },
    );
    await web.enqueue({ pull: 'acme/a#1', head: 'h1', installation: '1' });
    await started.promise;
    await web.enqueue({ pull: 'acme/b#2', head: 'h1', installation: '1' });
    await web.enqueue({ pull: 'globex/c#3', head: 'h1', installation: '2' });

    expect(
      await web.discard(
        (job) => job.installation === '1',
        new JobDiscardedError('installation 1 was deleted', 'installation'),
      ),
    ).toBe(2);
    await web.onIdle();
    expect(events).toEqual([
      'start acme/a#1',
      `stopped acme/a#1: ${JobDiscardedError.name}`,
      'start globex/c#3',
    ]);
    expect([...journal.entries.values()].map((job) => job.installation)).not.toContain('1');
    const deadLetters = await client.lrange(`${prefix}:dead-letters`, 0, -1);
    await client.quit();
    expect(deadLetters.map((entry) => JSON.parse(entry).job.pull)).toEqual(['globex/old#9']);
  });
});
