import type { Redis } from 'ioredis';
import { z } from 'zod';
import { accountPurchaseSchema } from '../plans/account-purchase.js';
import { parseStored } from './parse-stored.js';
import { redisLearnings } from './redis-learnings.js';
import {
  type FindingOutcome,
  type InstallationRecord,
  monthOf,
  type RepositoryStats,
  type SiftStore,
  spendPeriods,
} from './sift-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// GitHub redelivers within hours; a week matches what the SQLite store keeps.
/** How long a webhook waits for Redis to say whether it saw the delivery before. */
const DELIVERY_CHECK_TIMEOUT_MS = 2_000;
const DELIVERY_TTL_MS = 7 * DAY_MS;
// A period's spend is only written during that period, so these count from its end: long enough
// to read last month's days back, short enough that old installations leave nothing behind.
const SPEND_TTL_MS = { day: 40 * DAY_MS, month: 400 * DAY_MS } as const;
// Review counts are read for the current month only; a year lets `/review stats` grow into history.
const REVIEWS_TTL_MS = 400 * DAY_MS;
// SCAN's batch hint: deleting an installation walks the keyspace a few hundred keys at a time.
const SCAN_BATCH = 500;
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
const installationSchema = z.object({
  id: z.number().int(),
  account: z.object({ id: z.number().int(), login: z.string() }),
  suspended: z.boolean(),
});

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
 *   reviews:<installation>:<month>    reviews run in a UTC month
 *   installation:<id>                 the installation's account and whether it is suspended (JSON)
 *   installation-repositories:<id>    set of `owner/repo` whose state belongs to the installation
 *   purchase:<account>                the account's Marketplace purchase as last heard (JSON)
 *   installation-model:<id>           the installation's own model settings, sealed
 *   learn:<installation>:…            what Sift learned, per repository (redis-learnings.ts)
 */
export function openRedisStore(redis: Redis, options: RedisStoreOptions = {}): RedisStore {
  const prefix = options.prefix ?? 'sift';
  const key = (kind: string, name: string | number) => `${prefix}:${kind}:${name}`;
  const pull = (repositoryKey: string, pullNumber: number | string) => `${repositoryKey}#${pullNumber}`;
  /** Deletes every key matching a SCAN pattern, a batch at a time. */
  const deleteMatching = async (pattern: string) => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  };
  const forgetRepository = async (repositoryKey: string) => {
    const pulls = `${globEscape(repositoryKey)}#*`;
    for (const kind of ['head', 'command-slot', 'feedback', 'outcomes'])
      await deleteMatching(key(kind, pulls));
    await redis.del(key('disputes', repositoryKey), key('outcome-pulls', repositoryKey));
  };
  const installationRecord = async (installationId: number): Promise<InstallationRecord | null> =>
    parseStored(installationSchema, await redis.get(key('installation', installationId))) ?? null;

  const learnings = redisLearnings(redis, prefix);
  return {
    ...learnings,
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
      const fingerprints = items.map((item) => parseStored(feedbackSchema, item)?.fingerprint);
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
        .map((value): readonly FindingOutcome[] => parseStored(outcomesSchema, value) ?? [])
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
    async addReview(installationId, at) {
      const counter = key('reviews', `${installationId}:${monthOf(at)}`);
      const results = await redis.multi().incr(counter).pexpire(counter, REVIEWS_TTL_MS).exec();
      // INCR fails on a corrupt count: it starts again from this review.
      if (results?.[0]?.[0]) await redis.set(counter, 1, 'PX', REVIEWS_TTL_MS);
    },
    async reviewsOf(installationId, at) {
      return parseCount(await redis.get(key('reviews', `${installationId}:${monthOf(at)}`)));
    },
    installation: installationRecord,
    async saveInstallation(record) {
      await redis.set(key('installation', record.id), JSON.stringify(record));
    },
    async addInstallationRepository(installationId, repositoryKey) {
      await redis.sadd(key('installation-repositories', installationId), repositoryKey);
    },
    async forgetRepository(installationId, repositoryKey) {
      await forgetRepository(repositoryKey);
      await redis.srem(key('installation-repositories', installationId), repositoryKey);
      await learnings.deleteRepositoryLearnings({ installationId, repository: repositoryKey });
    },
    async forgetInstallation(installationId, accountId) {
      const repositories = await redis.smembers(key('installation-repositories', installationId));
      for (const repositoryKey of repositories) await forgetRepository(repositoryKey);
      await deleteMatching(key('spend', `${installationId}:*`));
      await deleteMatching(key('reviews', `${installationId}:*`));
      const account = accountId ?? (await installationRecord(installationId))?.account.id;
      if (account !== undefined) await redis.del(key('purchase', account));
      await redis.del(
        key('installation', installationId),
        key('installation-repositories', installationId),
        key('installation-model', installationId),
      );
      await learnings.deleteInstallationLearnings(installationId);
      // Accepted jobs are journaled by the web process's own database, which its queue clears.
      return { repositories: repositories.length, journaledJobs: 0 };
    },
    async purchase(accountId) {
      return parseStored(accountPurchaseSchema, await redis.get(key('purchase', accountId))) ?? null;
    },
    async savePurchase(purchase) {
      await redis.set(key('purchase', purchase.accountId), JSON.stringify(purchase));
    },
    async installationModel(installationId) {
      return redis.get(key('installation-model', installationId));
    },
    async saveInstallationModel(installationId, sealed) {
      if (sealed === null) await redis.del(key('installation-model', installationId));
      else await redis.set(key('installation-model', installationId), sealed);
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

/** A repository name as a SCAN pattern matches it literally (GitHub's names have none of these, but keys are data). */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}

function parseCount(value: string | null): number {
  const count = Number(value ?? 0);
  return Number.isSafeInteger(count) && count >= 0 ? count : 0;
}
