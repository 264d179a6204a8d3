import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openRedisStore, type RedisStore } from '../../src/store/redis-store.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';

const REPO = 'acme/inventory';
const PULL = `${REPO}#7`;
const COOLDOWN = 60_000;
const DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
const DEC_3 = Date.UTC(2026, 11, 3, 9, 0);

describeWithRedis('the Redis store', () => {
  let server: RedisServer | undefined;
  let admin: Redis | undefined;
  const connections: Redis[] = [];

  /** A connection of its own, as another Sift process would have. */
  const connect = () => {
    if (!server) throw new Error('the Redis server did not start');
    const connection = new Redis(server.url);
    // Some tests stop Redis on purpose; ioredis would print every failed reconnect.
    connection.on('error', () => {});
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    server = await startRedisServer();
    admin = connect();
  });
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await server?.stop();
  });
  beforeEach(async () => {
    await admin?.flushall();
  });

  describe('two processes on their own connections', () => {
    it('a delivery one has handled › a redelivery for the other', async () => {
      const web = openRedisStore(connect());
      const worker = openRedisStore(connect());
      expect(await web.firstDelivery(DELIVERY)).toBe(true);
      expect(await worker.firstDelivery(DELIVERY)).toBe(false);
    });

    it('20 commands at once on one pull request › exactly one takes the slot', async () => {
      const stores = [openRedisStore(connect()), openRedisStore(connect())];
      const taken = await Promise.all(
        Array.from({ length: 20 }, (_, n) => stores[n % 2]?.takeCommandSlot(PULL, COOLDOWN, 1_000 + n)),
      );
      expect(taken.filter((slot) => slot === true)).toHaveLength(1);
    });
  });

  describe('a corrupt value under a key › treated as absent, nothing thrown', () => {
    type Corruption = [
      name: string,
      corrupt: (redis: Redis) => Promise<unknown>,
      read: (store: RedisStore) => Promise<unknown>,
      expected: unknown,
    ];
    const corruptions: Corruption[] = [
      [
        'a command slot time that is not a number › the slot is free',
        (redis) => redis.set(`sift:command-slot:${PULL}`, 'yesterday'),
        (store) => store.takeCommandSlot(PULL, COOLDOWN, 1_000),
        true,
      ],
      [
        'feedback that is not JSON, or lacks a fingerprint › skipped',
        (redis) => redis.rpush(`sift:feedback:${PULL}`, '{"fingerprint":"3f9a1c', '{"kind":"disputed"}'),
        (store) => store.disputedFingerprints(REPO, 7),
        new Set(),
      ],
      [
        'outcomes cut off mid-write › the pull request is not counted',
        async (redis) => {
          await redis.sadd(`sift:outcome-pulls:${REPO}`, 7);
          await redis.set(`sift:outcomes:${PULL}`, '[{"fingerprint":"a1","path":"src/st');
        },
        (store) => store.repositoryStats(REPO),
        { pullRequests: 0, posted: 0, fixed: 0, dismissed: 0, open: 0, disputes: 0 },
      ],
      [
        'a disputes count that is not a number › 0, and the next dispute counts from 1',
        (redis) => redis.set(`sift:disputes:${REPO}`, 'many'),
        async (store) => {
          const before = (await store.repositoryStats(REPO)).disputes;
          await store.recordFeedback(REPO, 7, {
            fingerprint: 'a2',
            kind: 'disputed',
            user: 'octocat',
            text: '',
          });
          return [before, (await store.repositoryStats(REPO)).disputes];
        },
        [0, 1],
      ],
      [
        'a learned signal, convention or forgotten time that does not parse › left out',
        async (redis) => {
          await redis.hset(`sift:learn:42:signals:${REPO}`, 'a', '{"pullNumber":7,"kind":"thumbs-down"}');
          await redis.hset(`sift:learn:42:signals:${REPO}`, 'b', '{"pullNumber":');
          await redis.hset(`sift:learn:42:conventions:${REPO}`, 'a1b2c3d', '"We return null"');
          await redis.hset(`sift:learn:42:forgotten:${REPO}`, 'a1b2c3d', 'yesterday');
        },
        (store) => store.learningsOf({ installationId: 42, repository: REPO }),
        { signals: [], conventions: [], forgotten: new Map() },
      ],
      [
        'a spend that is not a number › 0, and the next spend counts from there',
        (redis) => redis.set('sift:spend:42:2026-12-03', 'lots'),
        async (store) => {
          const before = await store.spendOf(42, DEC_3);
          await store.addSpend(42, 500, DEC_3);
          return [before, await store.spendOf(42, DEC_3)];
        },
        [
          { day: 0, month: 0 },
          { day: 500, month: 500 },
        ],
      ],
    ];

    it.each(corruptions)('%s', async (_, corrupt, read, expected) => {
      const redis = connect();
      await corrupt(redis);
      expect(await read(openRedisStore(redis))).toEqual(expected);
    });
  });

  describe('an installation forgotten', () => {
    it('› no key of it is left, whatever the repository’s name; the delivery ids (which name nobody) stay', async () => {
      const redis = connect();
      const store = openRedisStore(redis);
      // A key pattern's special characters in a name must not widen what is deleted: unescaped,
      // `acme/inv*#*` would take another installation's `acme/inventory-ui#1` with it.
      const other = 'acme/inventory-ui';
      await store.firstDelivery(DELIVERY);
      await store.saveInstallation({ id: 42, account: { id: 9001, login: 'acme' }, suspended: false });
      await store.savePurchase({
        accountId: 9001,
        accountLogin: 'acme',
        plan: { id: 7, name: 'Team' },
        onFreeTrial: false,
        freeTrialEndsOn: null,
        pending: null,
        source: 'lookup',
      });
      await store.addInstallationRepository(42, REPO);
      await store.addInstallationRepository(42, 'acme/inv*');
      await store.setLastReviewedHead(PULL, 'a'.repeat(40));
      await store.takeCommandSlot(PULL, COOLDOWN, DEC_3);
      await store.recordFeedback(REPO, 7, { fingerprint: 'f1', kind: 'disputed', user: 'octocat', text: '' });
      await store.recordOutcomes(REPO, 7, [
        { fingerprint: 'f1', path: 'a.ts', category: 'bug', fate: 'open' },
      ]);
      await store.addSpend(42, 5_000, DEC_3);
      await store.addReview(42, DEC_3);
      await store.saveInstallationModel(42, 'v1.sealed');
      await store.setLastReviewedHead(`${other}#1`, 'b'.repeat(40));

      expect(await store.forgetInstallation(42, 9001)).toEqual({ repositories: 2, journaledJobs: 0 });
      expect((await redis.keys('*')).sort()).toEqual([`sift:delivery:${DELIVERY}`, `sift:head:${other}#1`]);
    });
  });

  describe('Redis killed and restarted', () => {
    it('reachable › true, then false while down, then true again, with what was written before the kill', async () => {
      const store = openRedisStore(connect());
      await store.firstDelivery(DELIVERY);
      await store.setLastReviewedHead(PULL, '60c8b975d5898e70e1416c00031e7c02f2365bdb');
      await store.addSpend(42, 1_200, DEC_3);
      expect(await store.reachable()).toBe(true);

      await server?.kill();
      expect(await store.reachable()).toBe(false);

      await server?.restart();
      await expect.poll(() => store.reachable(), { timeout: 10_000 }).toBe(true);
      // appendfsync always: every write acknowledged before the kill was in the AOF.
      expect(await store.firstDelivery(DELIVERY)).toBe(false);
      expect(await store.lastReviewedHead(PULL)).toBe('60c8b975d5898e70e1416c00031e7c02f2365bdb');
      expect(await store.spendOf(42, DEC_3)).toEqual({ day: 1_200, month: 1_200 });
    });

    it('a delivery while Redis is down › counted as new within seconds, so the webhook is still answered', async () => {
      const connection = new Redis(server?.url ?? '', { maxRetriesPerRequest: null });
      const store = openRedisStore(connection);
      await server?.kill();
      const asked = Date.now();
      expect(await store.firstDelivery('0f6b5c1d-3a2e-11ef-9a3c-1e2d3c4b5a69')).toBe(true);
      expect(Date.now() - asked).toBeLessThan(10_000);
      connection.disconnect();
      await server?.restart();
    });
  });
});
