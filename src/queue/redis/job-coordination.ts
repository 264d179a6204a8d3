import type { Redis } from 'ioredis';

/**
 * What BullMQ does not do by itself and Sift's queue promises across processes, kept in Redis
 * and changed only by small Lua scripts so two processes can never interleave:
 *   - the latest accepted version of each key (a pull request's newest head), which decides
 *     whether a delivery is a duplicate, stale, or supersedes the job before it;
 *   - one running job per key, and at most N running jobs per installation (fair shares);
 *   - a short-lived record of finished jobs, so a web process can tell a finished job from one
 *     that Redis lost.
 */
export interface JobCoordination {
  /**
   * Records `version` as the key's latest unless it is the same version (`duplicate`) or older
   * than the latest by `updatedAt` (`stale`); otherwise returns the job id it replaced, if any.
   */
  claimLatest(claim: LatestClaim): Promise<ClaimResult>;
  /** Whether `jobId` is still its key's latest (a superseded job does not run). */
  isLatest(key: string, jobId: string): Promise<boolean>;
  /** Takes the key's run lock and a slot of its installation, both or neither, for `ttlMs`. */
  acquireRun(run: RunSlot, ttlMs: number, installationCap: number): Promise<boolean>;
  /** Extends what `acquireRun` took while the job runs. */
  renewRun(run: RunSlot, ttlMs: number): Promise<void>;
  /** Gives back the run lock and slot, marks the job finished, and clears the key's latest if still this job. */
  finishRun(run: RunSlot, finished: { readonly doneTtlMs: number }): Promise<void>;
  /** Releases the run lock and slot only: the job goes back to the queue to run later. */
  releaseRun(run: RunSlot): Promise<void>;
  /** Whether the job finished (or was replaced) within the last day. */
  isDone(jobId: string): Promise<boolean>;
  /** Marks a job replaced by a newer version as done: it never runs, and no journal puts it back. */
  markDone(jobId: string): Promise<void>;
  /** Marks a withdrawn job done and, if it is its key's latest, forgets that latest version. */
  withdraw(key: string, jobId: string): Promise<void>;
}

export interface LatestClaim {
  readonly key: string;
  readonly version: string;
  readonly jobId: string;
  /** An ISO timestamp that orders versions of the key; empty when the job has none. */
  readonly updatedAt: string;
}

export type ClaimResult =
  | { readonly status: 'duplicate' | 'stale' }
  | { readonly status: 'claimed'; readonly replaced: string | null };

export interface RunSlot {
  readonly key: string;
  readonly jobId: string;
  readonly group: string;
}

// KEYS[1] latest hash; ARGV version, jobId, updatedAt
const CLAIM_LATEST = `
local version = redis.call('HGET', KEYS[1], 'version')
if version == ARGV[1] then return {'duplicate'} end
local updatedAt = redis.call('HGET', KEYS[1], 'updatedAt')
if version and ARGV[3] ~= '' and updatedAt and updatedAt ~= '' and ARGV[3] < updatedAt then return {'stale'} end
local replaced = redis.call('HGET', KEYS[1], 'jobId') or ''
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'jobId', ARGV[2], 'updatedAt', ARGV[3])
return {'claimed', replaced}
`;

// KEYS[1] key lock, KEYS[2] installation's running set; ARGV jobId, now, ttl, cap
const ACQUIRE_RUN = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
redis.call('ZADD', KEYS[2], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
`;

// KEYS[1] key lock, KEYS[2] installation's running set; ARGV jobId, now, ttl
const RENEW_RUN = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('ZADD', KEYS[2], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return 1
`;

// KEYS[1] key lock, KEYS[2] installation's running set, KEYS[3] latest hash, KEYS[4] done flag;
// ARGV jobId, done ttl (0: release only)
const FINISH_RUN = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('ZREM', KEYS[2], ARGV[1])
if tonumber(ARGV[2]) > 0 then
  if redis.call('HGET', KEYS[3], 'jobId') == ARGV[1] then redis.call('DEL', KEYS[3]) end
  redis.call('SET', KEYS[4], '1', 'PX', ARGV[2])
end
return 1
`;

// KEYS[1] latest hash, KEYS[2] done flag; ARGV jobId, done ttl
const WITHDRAW = `
if redis.call('HGET', KEYS[1], 'jobId') == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
return 1
`;

/** How long a finished job is remembered as finished: far longer than any journal keeps it. */
export const DONE_KEPT_MS = 24 * 60 * 60 * 1000;

type Script = (...keysThenArgs: string[]) => Promise<unknown>;

/** A Lua script sent once and then called by its hash (EVALSHA): a webhook's enqueue sends a few bytes, not the script. */
function defineScript(redis: Redis, name: string, lua: string, numberOfKeys: number): Script {
  const commands = redis as unknown as Record<string, Script | undefined>;
  if (!commands[name]) redis.defineCommand(name, { lua, numberOfKeys });
  return (...keysThenArgs) => (commands[name] as Script).apply(redis, keysThenArgs);
}

export function createJobCoordination(redis: Redis, prefix: string): JobCoordination {
  const claimLatest = defineScript(redis, 'siftClaimLatest', CLAIM_LATEST, 1);
  const acquireRun = defineScript(redis, 'siftAcquireRun', ACQUIRE_RUN, 2);
  const renewRun = defineScript(redis, 'siftRenewRun', RENEW_RUN, 2);
  const finishRun = defineScript(redis, 'siftFinishRun', FINISH_RUN, 4);
  const withdraw = defineScript(redis, 'siftWithdraw', WITHDRAW, 2);
  const keys = {
    latest: (key: string) => `${prefix}:latest:${key}`,
    lock: (key: string) => `${prefix}:running:${key}`,
    group: (group: string) => `${prefix}:group:${group}`,
    done: (jobId: string) => `${prefix}:done:${jobId}`,
  };
  const finish = (run: RunSlot, doneTtlMs: number) =>
    finishRun(
      keys.lock(run.key),
      keys.group(run.group),
      keys.latest(run.key),
      keys.done(run.jobId),
      run.jobId,
      String(doneTtlMs),
    );
  return {
    async claimLatest(claim) {
      const [status, replaced] = (await claimLatest(
        keys.latest(claim.key),
        claim.version,
        claim.jobId,
        claim.updatedAt,
      )) as [string, string?];
      if (status === 'duplicate' || status === 'stale') return { status };
      return { status: 'claimed', replaced: replaced ? replaced : null };
    },
    async isLatest(key, jobId) {
      const latest = await redis.hget(keys.latest(key), 'jobId');
      // No record (Redis lost it, or a resumed job): nothing newer is known, so the job runs.
      return latest === null || latest === jobId;
    },
    async acquireRun(run, ttlMs, installationCap) {
      const taken = await acquireRun(
        keys.lock(run.key),
        keys.group(run.group),
        run.jobId,
        String(Date.now()),
        String(ttlMs),
        String(installationCap),
      );
      return taken === 1;
    },
    async renewRun(run, ttlMs) {
      await renewRun(keys.lock(run.key), keys.group(run.group), run.jobId, String(Date.now()), String(ttlMs));
    },
    async finishRun(run, finished) {
      await finish(run, finished.doneTtlMs);
    },
    async releaseRun(run) {
      await finish(run, 0);
    },
    async markDone(jobId) {
      await redis.set(keys.done(jobId), '1', 'PX', DONE_KEPT_MS);
    },
    async withdraw(key, jobId) {
      await withdraw(keys.latest(key), keys.done(jobId), jobId, String(DONE_KEPT_MS));
    },
    async isDone(jobId) {
      return (await redis.exists(keys.done(jobId))) === 1;
    },
  };
}
