import type { SiftJobConsumer } from '../app.js';
import type { ServerEnv } from '../config/load-server-env.js';
import { type SiftJob, siftJobIdentity, siftJobOrder } from '../jobs/sift-job.js';
import type { Logger } from '../logger.js';
import type { JobJournal } from '../queue/job-journal.js';
import type { JobQueue } from '../queue/job-queue.js';
import { createBullmqQueue } from '../queue/redis/create-bullmq-queue.js';
import { closeRedis, connectRedis, redactRedisUrl } from '../queue/redis/redis-connection.js';
import { openRedisStore } from '../store/redis-store.js';
import type { SiftStore } from '../store/sift-store.js';
import { openSqliteStore } from '../store/sqlite-store.js';

type AppSettings = Extract<ServerEnv, { mode: 'app' }>;

/** Where a server process keeps its state and queue, and how it tells whether it can work. */
export interface SiftState {
  readonly role: 'all' | 'web' | 'worker';
  readonly store: SiftStore;
  readonly journal?: JobJournal<SiftJob> | undefined;
  /** The Redis queue; absent, Sift's own queue in this process. */
  readonly queue?: ((consumer: SiftJobConsumer) => JobQueue<SiftJob>) | undefined;
  /** For `/readyz`: whether the database or Redis answers now. */
  ready(): Promise<{ ready: boolean; detail: string }>;
  /** After the queue closed: the database and connections. */
  close(): Promise<void>;
}

/**
 * Without REDIS_URL: one process, state and journal in the embedded database. With it: state in
 * Redis shared by every process, jobs in BullMQ; a process that takes webhooks also journals
 * them in its embedded database, so a job Redis loses is enqueued again.
 */
export function openState(settings: AppSettings, log: Logger): SiftState {
  const { scale } = settings;
  const takesWebhooks = scale.role !== 'worker';
  const database = takesWebhooks ? openSqliteStore<SiftJob>(settings.dataDir) : null;
  const databaseReady = () =>
    database === null || database.reachable()
      ? null
      : `the embedded database at ${database?.path} does not answer`;
  if (scale.redisUrl === undefined) {
    const store = database ?? openSqliteStore<SiftJob>(settings.dataDir);
    log.info({ database: store.path }, 'state kept in the embedded database');
    return {
      role: 'all',
      store,
      journal: store.journal,
      async ready() {
        const problem = databaseReady();
        return problem
          ? { ready: false, detail: problem }
          : { ready: true, detail: `embedded database at ${store.path}` };
      },
      async close() {
        store.close();
      },
    };
  }

  const where = redactRedisUrl(scale.redisUrl);
  const connection = connectRedis(scale.redisUrl, log, 'store');
  const store = openRedisStore(connection);
  log.info({ redis: where, role: scale.role, journal: database?.path }, 'state and jobs kept in Redis');
  return {
    role: scale.role,
    store,
    journal: database?.journal,
    queue: (consumer) =>
      createBullmqQueue<SiftJob>({
        ...siftJobIdentity,
        orderOf: siftJobOrder,
        redisUrl: scale.redisUrl,
        consume:
          scale.role === 'web'
            ? undefined
            : {
                ...consumer,
                concurrency: settings.sift.workerConcurrency,
                groupOf: (job) => String(job.installationId),
                // Without a cap, one installation may hold as many jobs as one worker runs: a
                // burst from one organisation leaves the other workers' slots to everyone else.
                groupConcurrency: settings.sift.installationConcurrency ?? settings.sift.workerConcurrency,
              },
        journal: database?.journal,
        timing: { lockMs: scale.jobLockMs, stalledCheckMs: Math.max(1_000, scale.jobLockMs / 2) },
        log,
      }),
    async ready() {
      const problem = databaseReady();
      if (problem) return { ready: false, detail: problem };
      if (!(await store.reachable())) return { ready: false, detail: `Redis at ${where} does not answer` };
      return { ready: true, detail: `Redis at ${where}${database ? `, journal at ${database.path}` : ''}` };
    },
    async close() {
      await closeRedis(connection);
      database?.close();
    },
  };
}
