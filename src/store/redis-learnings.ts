import type { Redis } from 'ioredis';
import type { LearningScope } from '../review/learnings/learning-types.js';
import {
  conventionSchema,
  feedbackSignalSchema,
  findingTraitsSchema,
  POSTED_FINDINGS_TTL_MS,
  signalKey,
} from './learning-records.js';
import { parseStored } from './parse-stored.js';
import type { LearningStore } from './sift-store.js';

// Keys deleted per DEL: an installation with many repositories is deleted in bounded commands.
const DELETE_BATCH = 500;

/**
 * The learnings half of the Redis store. Keys, under `<prefix>:learn:<installation>:`:
 *   posted:<owner/repo#n>      hash: fingerprint → traits (JSON), expiring POSTED_FINDINGS_TTL_MS after the last write
 *   signals:<owner/repo>       hash: pull, fingerprint, kind, person → signal (JSON), first write kept (HSETNX)
 *   conventions:<owner/repo>   hash: id → convention (JSON)
 *   forgotten:<owner/repo>     hash: id → when it was forgotten (ms)
 *   keys                       set of every key above, so the installation's learnings can be deleted
 *                              without scanning the keyspace
 */
export function redisLearnings(redis: Redis, prefix: string): LearningStore {
  const base = (installationId: number) => `${prefix}:learn:${installationId}`;
  const key = (scope: LearningScope, kind: string, suffix = '') =>
    `${base(scope.installationId)}:${kind}:${scope.repository}${suffix}`;
  const index = (installationId: number) => `${base(installationId)}:keys`;

  return {
    async rememberPostedFindings(scope, pullNumber, findings) {
      if (findings.length === 0) return;
      const posted = key(scope, 'posted', `#${pullNumber}`);
      const fields = findings.flatMap((finding) => [finding.fingerprint, JSON.stringify(finding)]);
      await redis
        .multi()
        .hset(posted, ...fields)
        .pexpire(posted, POSTED_FINDINGS_TTL_MS)
        .sadd(index(scope.installationId), posted)
        .exec();
    },
    async postedFindings(scope, pullNumber) {
      const values = await redis.hvals(key(scope, 'posted', `#${pullNumber}`));
      return values.flatMap((value) => parseStored(findingTraitsSchema, value) ?? []);
    },
    async recordSignals(scope, signals) {
      if (signals.length === 0) return;
      const stored = key(scope, 'signals');
      const transaction = redis.multi().sadd(index(scope.installationId), stored);
      for (const signal of signals) transaction.hsetnx(stored, signalKey(signal), JSON.stringify(signal));
      await transaction.exec();
    },
    async recordConvention(scope, convention) {
      const stored = key(scope, 'conventions');
      await redis
        .multi()
        .hset(stored, convention.id, JSON.stringify(convention))
        .sadd(index(scope.installationId), stored)
        .exec();
    },
    async learningsOf(scope) {
      const [signals, conventions, forgotten] = await Promise.all([
        redis.hvals(key(scope, 'signals')),
        redis.hvals(key(scope, 'conventions')),
        redis.hgetall(key(scope, 'forgotten')),
      ]);
      return {
        signals: signals.flatMap((value) => parseStored(feedbackSignalSchema, value) ?? []),
        conventions: conventions.flatMap((value) => parseStored(conventionSchema, value) ?? []),
        forgotten: new Map(
          Object.entries(forgotten).flatMap(([id, at]) =>
            Number.isFinite(Number(at)) ? [[id, Number(at)]] : [],
          ),
        ),
      };
    },
    async forgetLearning(scope, id, at) {
      const stored = key(scope, 'forgotten');
      await redis.multi().hset(stored, id, at).sadd(index(scope.installationId), stored).exec();
    },
    async deleteInstallationLearnings(installationId) {
      const keys = await redis.smembers(index(installationId));
      for (let start = 0; start < keys.length; start += DELETE_BATCH)
        await redis.del(...keys.slice(start, start + DELETE_BATCH));
      await redis.del(index(installationId));
    },
    async deleteRepositoryLearnings(scope) {
      const keys = (await redis.smembers(index(scope.installationId))).filter(
        (member) =>
          member.startsWith(key(scope, 'posted', '#')) ||
          ['signals', 'conventions', 'forgotten'].some((kind) => member === key(scope, kind)),
      );
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        await redis
          .multi()
          .del(...batch)
          .srem(index(scope.installationId), ...batch)
          .exec();
      }
    },
  };
}
