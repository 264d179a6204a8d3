import type { Redis } from 'ioredis';
import { z } from 'zod';
import { redisLearnings } from './redis-learnings.js';
import { type FindingOutcome, type RepositoryStats, type SiftStore, spendPeriods } from './sift-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// GitHub redelivers within hours; a week matches what the SQLite store keeps.
/** How long a webhook waits for Redis to say whether it saw the delivery before. */
const DELIVERY_CHECK_TIMEOUT_MS = 2_000;
const DELIVERY_TTL_MS = 7 * DAY_MS;
// A period's spend is only written during that period, so these count from its end: long enough
// to read last month's days back, short enough that old installations leave nothing behind.
const SPEND_TTL_MS = { day: 40 * DAY_MS, month: 400 * DAY_MS } as const;
// A slot older than the cooldown refuses nothing; the grace covers clocks that disagree.
const COMMAND_SLOT_GRACE_MS = 60_000;
// `/readyz` must answer quickly, and a caller's connection may queue commands through an outage.
const PING_TIMEOUT_MS = 1_000;

// KEYS[1] slot; ARGV now, cooldown, ttl. A stored time that is not a number counts as no slot.
const TAKE_COMMAND_SLOT = `
local last = tonumber(redis.call('GET', KEYS[1]))
if last and tonumber(ARGV[1]) - last < tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
`;

const outcomesSchema = z.array(
  z.object({
    fingerprint: z.string(),
    path: z.string(),
    category: z.string(),
    fate: z.enum(['fixed', 'dismissed', 'open']),
  }),
);
const feedbackSchema = z.object({ fingerprint: z.string() });

export interface RedisStore extends SiftStore {
  /** Whether Redis answers a PING within a second (for `/readyz`); never throws. */
  reachable(): Promise<boolean>;
}

export interface RedisStoreOptions {
  /** Namespaces every key, so several Sift deployments can share one Redis. */
  readonly prefix?: string;
  /**
   * Accepted so this store opens like the SQLite one; Redis ages keys by its own clock, which
   * every process sharing it agrees on.
   */
  readonly now?: () => number;
}

/**
 * The store for deployments whose web and worker processes share state through Redis. Every
 * check-and-set is one atomic command, script or MULTI, so processes never interleave. The caller
 * owns the connection. Keys, under `<prefix>:` (`sift` by default):
 *   delivery:<id>                     "1", gone after a week
 *   head:<owner/repo#n>               the last reviewed head commit
 *   command-slot:<owner/repo#n>       when the last command was taken (ms)
 *   feedback:<owner/repo#n>           list of feedback as JSON
 *   disputes:<owner/repo>             number of disputes in the repository
 *   outcomes:<owner/repo#n>           the pull request's outcomes as one JSON array
 *   outcome-pulls:<owner/repo>        set of pull numbers with outcomes
 *   spend:<installation>:<period>     tokens in a UTC day (2026-12-03) or month (2026-12)
 *   learn:<installation>:…            what Sift learned, per repository (redis-learnings.ts)
 */
export function openRedisStore(redis: Redis, options: RedisStoreOptions = {}): RedisStore {
  const prefix = options.prefix ?? 'sift';
  const key = (kind: string, name: string | number) => `${prefix}:${kind}:${name}`;
  const pull = (repositoryKey: string, pullNumber: number | string) => `${repositoryKey}#${pullNumber}`;

  return {
    ...redisLearnings(redis, prefix),
    async firstDelivery(deliveryId) {
      // Redis down: the delivery counts as new rather than hold the webhook past GitHub's 10 s.
      // Taking a delivery twice is safe (its job has one id, a posted review is found by its
      // marker); losing one is not.
      const seen = redis.set(key('delivery', deliveryId), '1', 'PX', DELIVERY_TTL_MS, 'NX');
      let timer: NodeJS.Timeout | undefined;
      const unanswered = new Promise<'OK'>((resolve) => {
        timer = setTimeout(() => resolve('OK'), DELIVERY_CHECK_TIMEOUT_MS);
      });
      try {
        return (await Promise.race([seen, unanswered])) === 'OK';
      } finally {
        clearTimeout(timer);
      }
    },
    async lastReviewedHead(pullKey) {
      return redis.get(key('head', pullKey));
    },
    async setLastReviewedHead(pullKey, head) {
      await redis.set(key('head', pullKey), head);
    },
    async takeCommandSlot(pullKey, cooldownMs, now) {
      const ttl = Math.max(cooldownMs, 0) + COMMAND_SLOT_GRACE_MS;
      const taken = await redis.eval(
        TAKE_COMMAND_SLOT,
        1,
        key('command-slot', pullKey),
        now,
        cooldownMs,
        ttl,
      );
      return taken === 1;
    },
    async recordFeedback(repositoryKey, pullNumber, item) {
      const disputes = key('disputes', repositoryKey);
      const transaction = redis
        .multi()
        .rpush(key('feedback', pull(repositoryKey, pullNumber)), JSON.stringify(item));
      if (item.kind === 'disputed') transaction.incr(disputes);
      const results = await transaction.exec();
      // INCR fails on a corrupt count: start it again rather than lose the feedback.
      if (results?.[1]?.[0]) await redis.set(disputes, 1);
    },
    async disputedFingerprints(repositoryKey, pullNumber) {
      const items = await redis.lrange(key('feedback', pull(repositoryKey, pullNumber)), 0, -1);
      const fingerprints = items.map((item) => parseJson(feedbackSchema, item)?.fingerprint);
      return new Set(fingerprints.filter((fingerprint) => fingerprint !== undefined));
    },
    async recordOutcomes(repositoryKey, pullNumber, items) {
      const outcomes = key('outcomes', pull(repositoryKey, pullNumber));
      const pulls = key('outcome-pulls', repositoryKey);
      // As in the SQLite store, a pull request with no outcomes does not count as one with outcomes.
      const transaction =
        items.length === 0
          ? redis.multi().del(outcomes).srem(pulls, pullNumber)
          : redis.multi().set(outcomes, JSON.stringify(items)).sadd(pulls, pullNumber);
      await transaction.exec();
    },
    async repositoryStats(repositoryKey): Promise<RepositoryStats> {
      const [pullNumbers, disputes] = await Promise.all([
        redis.smembers(key('outcome-pulls', repositoryKey)),
        redis.get(key('disputes', repositoryKey)),
      ]);
      const values =
        pullNumbers.length === 0
          ? []
          : await redis.mget(pullNumbers.map((number) => key('outcomes', pull(repositoryKey, number))));
      const byPull = values
        .map((value): readonly FindingOutcome[] => parseJson(outcomesSchema, value) ?? [])
        .filter((outcomes) => outcomes.length > 0);
      const all = byPull.flat();
      const countOf = (fate: FindingOutcome['fate']) => all.filter((item) => item.fate === fate).length;
      return {
        pullRequests: byPull.length,
        posted: all.length,
        fixed: countOf('fixed'),
        dismissed: countOf('dismissed'),
        open: countOf('open'),
        disputes: parseCount(disputes),
      };
    },
    async addSpend(installationId, tokens, at) {
      const { day, month } = spendPeriods(at);
      const counters = [
        { key: key('spend', `${installationId}:${day}`), ttl: SPEND_TTL_MS.day },
        { key: key('spend', `${installationId}:${month}`), ttl: SPEND_TTL_MS.month },
      ];
      const transaction = redis.multi();
      for (const counter of counters)
        transaction.incrby(counter.key, tokens).pexpire(counter.key, counter.ttl);
      const results = await transaction.exec();
      // INCRBY fails on a corrupt count: it starts again from this spend.
      for (const [index, counter] of counters.entries()) {
        if (results?.[index * 2]?.[0]) await redis.set(counter.key, tokens, 'PX', counter.ttl);
      }
    },
    async spendOf(installationId, at) {
      const { day, month } = spendPeriods(at);
      const [daySpend, monthSpend] = await redis.mget(
        key('spend', `${installationId}:${day}`),
        key('spend', `${installationId}:${month}`),
      );
      return { day: parseCount(daySpend ?? null), month: parseCount(monthSpend ?? null) };
    },
    async reachable() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      });
      const pong = redis.ping().then(
        (reply) => reply === 'PONG',
        () => false,
      );
      try {
        return await Promise.race([pong, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A value another process or an older Sift wrote may be anything: what does not parse is absent. */
function parseJson<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function parseCount(value: string | null): number {
  const count = Number(value ?? 0);
  return Number.isSafeInteger(count) && count >= 0 ? count : 0;
}
