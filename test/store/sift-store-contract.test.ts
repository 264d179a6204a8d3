import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountPurchase } from '../../src/plans/account-purchase.js';
import { findingTraits } from '../../src/review/learnings/finding-traits.js';
import type { Convention, FeedbackSignal, LearningScope } from '../../src/review/learnings/learning-types.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { openRedisStore } from '../../src/store/redis-store.js';
import type { Feedback, FindingOutcome, SiftStore } from '../../src/store/sift-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const REPO = 'acme/inventory';
const PULL = `${REPO}#7`;
const COOLDOWN = 60_000;

/** GitHub's delivery ids are GUIDs. */
const delivery = (n: number) => `72d3162e-cc78-11e3-81ab-${String(n).padStart(12, '0')}`;

const disputed = (fingerprint: string): Feedback => ({
  fingerprint,
  kind: 'disputed',
  user: 'octocat',
  text: 'This is intended: we keep one unit back as a display sample.',
});

const outcome = (fingerprint: string, fate: FindingOutcome['fate']): FindingOutcome => ({
  fingerprint,
  path: 'src/stock.ts',
  category: 'bug',
  fate,
});

const INVENTORY: LearningScope = { installationId: 42, repository: REPO };

const SAFETY_STOCK = findingTraits({
  fingerprint: '3f9a1c7e2b4d6a80',
  path: 'src/stock.ts',
  category: 'bug',
  title: '`reserve` refuses to sell the last units in stock',
  body: 'With `available === count` the `<=` refuses an order for exactly the units left.',
  code: ['  if (available <= count) return false;'],
  symbolKind: 'function',
});
const RANGE = {
  ...SAFETY_STOCK,
  fingerprint: 'b41c9e07d2a35f18',
  path: 'src/format/price.ts',
  title: '`formatRange` prints reversed ranges',
};

const thumbsDown = (by: string, at: number): FeedbackSignal => ({
  pullNumber: 7,
  kind: 'thumbs-down',
  by,
  role: 'reviewer',
  at,
  finding: SAFETY_STOCK,
});

const convention = (id: string, rule: string): Convention => ({
  id,
  rule,
  paths: ['src/**'],
  pullNumber: 7,
  commentId: 2_000_000_321,
  url: 'https://github.com/acme/inventory/pull/7#discussion_r2000000321',
  by: 'hubot',
  at: 5_000,
});

/** Every store keeps the same promises; each runs this whole table. */
const STORES: Array<[string, () => SiftStore]> = [
  ['in memory', () => createInMemoryStore()],
  ['SQLite', () => openSqliteStore(makeTempDir('sift-store-'))],
];

describe.each(STORES)('the %s store', (_, createStore) => describeContract(createStore));

describeWithRedis('the Redis store', () => {
  let server: RedisServer | undefined;
  let connection: Redis | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    connection = new Redis(server.url);
  });
  afterAll(async () => {
    connection?.disconnect();
    await server?.stop();
  });
  beforeEach(async () => {
    await connection?.flushall();
  });

  describeContract(() => {
    if (!connection) throw new Error('the Redis server did not start');
    return openRedisStore(connection);
  });
});

function describeContract(createStore: () => SiftStore): void {
  describe('deliveries', () => {
    it('the first delivery of an id › true; the same id again (a redelivery) › false', async () => {
      const store = createStore();
      expect(await store.firstDelivery(delivery(1))).toBe(true);
      expect(await store.firstDelivery(delivery(1))).toBe(false);
      expect(await store.firstDelivery(delivery(2))).toBe(true);
    });
  });

  describe('command slots', () => {
    it.each([
      ['the first command', [], 1_000, true],
      ['a second command 30 s after the first', [1_000], 31_000, false],
      ['a second command just under a minute after', [1_000], 60_999, false],
      ['a second command a minute after', [1_000], 61_000, true],
      ['a third command a minute after the second, refused one', [1_000, 31_000], 61_000, true],
    ])('%s › %s', async (_, earlier, now, expected) => {
      const store = createStore();
      for (const at of earlier) await store.takeCommandSlot(PULL, COOLDOWN, at);
      expect(await store.takeCommandSlot(PULL, COOLDOWN, now)).toBe(expected);
    });

    it('a command on another pull request › its own slot', async () => {
      const store = createStore();
      expect(await store.takeCommandSlot(PULL, COOLDOWN, 1_000)).toBe(true);
      expect(await store.takeCommandSlot(`${REPO}#8`, COOLDOWN, 2_000)).toBe(true);
    });
  });

  describe('last reviewed head', () => {
    it('none recorded › null; recorded twice › the latest, per pull request', async () => {
      const store = createStore();
      expect(await store.lastReviewedHead(PULL)).toBeNull();
      await store.setLastReviewedHead(PULL, '2adf080edc8fd291d686f9f687c05cd2a3935f5c');
      await store.setLastReviewedHead(PULL, '60c8b975d5898e70e1416c00031e7c02f2365bdb');
      expect(await store.lastReviewedHead(PULL)).toBe('60c8b975d5898e70e1416c00031e7c02f2365bdb');
      expect(await store.lastReviewedHead(`${REPO}#8`)).toBeNull();
    });
  });

  describe('feedback', () => {
    it('disputes › the fingerprints of that pull request only', async () => {
      const store = createStore();
      await store.recordFeedback(REPO, 7, disputed('3f9a1c7e2b4d6a80'));
      await store.recordFeedback(REPO, 7, { ...disputed('b41c9e07d2a35f18'), kind: 'thumbs-down', text: '' });
      await store.recordFeedback(REPO, 8, disputed('77aa01c3e9d2b460'));
      await store.recordFeedback('acme/billing', 7, disputed('0c1d2e3f4a5b6c7d'));
      expect(await store.disputedFingerprints(REPO, 7)).toEqual(
        new Set(['3f9a1c7e2b4d6a80', 'b41c9e07d2a35f18']),
      );
      expect(await store.disputedFingerprints(REPO, 9)).toEqual(new Set());
    });
  });

  describe('outcomes and stats', () => {
    it('no pull request recorded › all zero', async () => {
      expect(await createStore().repositoryStats(REPO)).toEqual({
        pullRequests: 0,
        posted: 0,
        fixed: 0,
        dismissed: 0,
        open: 0,
        disputes: 0,
      });
    });

    it('outcomes of several pull requests › summed per repository, disputes counted', async () => {
      const store = createStore();
      await store.recordOutcomes(REPO, 7, [outcome('a1', 'fixed'), outcome('a2', 'dismissed')]);
      await store.recordOutcomes(REPO, 8, [
        outcome('b1', 'fixed'),
        outcome('b2', 'open'),
        outcome('b3', 'fixed'),
      ]);
      await store.recordOutcomes('acme/inventory-ui', 3, [outcome('c1', 'open')]);
      await store.recordFeedback(REPO, 7, disputed('a2'));
      await store.recordFeedback(REPO, 8, { ...disputed('b2'), kind: 'thumbs-down', text: '' });
      await store.recordFeedback('acme/inventory-ui', 3, disputed('c1'));
      expect(await store.repositoryStats(REPO)).toEqual({
        pullRequests: 2,
        posted: 5,
        fixed: 3,
        dismissed: 1,
        open: 1,
        disputes: 1,
      });
    });

    it('a pull request recorded again (reopened and closed) › its new outcomes replace the old', async () => {
      const store = createStore();
      await store.recordOutcomes(REPO, 7, [outcome('a1', 'open'), outcome('a2', 'open')]);
      await store.recordOutcomes(REPO, 7, [outcome('a1', 'fixed'), outcome('a2', 'dismissed')]);
      expect(await store.repositoryStats(REPO)).toMatchObject({
        pullRequests: 1,
        posted: 2,
        fixed: 1,
        dismissed: 1,
        open: 0,
      });
    });
  });

  describe('learnings', () => {
    it('posted findings › kept per installation, repository and pull request; remembered again › replaced', async () => {
      const store = createStore();
      await store.rememberPostedFindings(INVENTORY, 7, [SAFETY_STOCK, RANGE], 1_000);
      await store.rememberPostedFindings(INVENTORY, 7, [{ ...RANGE, title: 'Retitled' }], 2_000);
      await store.rememberPostedFindings(INVENTORY, 8, [RANGE], 2_000);
      expect(await store.postedFindings(INVENTORY, 7)).toEqual(
        expect.arrayContaining([SAFETY_STOCK, { ...RANGE, title: 'Retitled' }]),
      );
      expect(await store.postedFindings(INVENTORY, 7)).toHaveLength(2);
      expect(await store.postedFindings(INVENTORY, 9)).toEqual([]);
      expect(await store.postedFindings({ ...INVENTORY, repository: 'acme/billing' }, 7)).toEqual([]);
      expect(await store.postedFindings({ ...INVENTORY, installationId: 7 }, 7)).toEqual([]);
    });

    it('the same feedback read twice › one signal, with its first time; another person › another signal', async () => {
      const store = createStore();
      await store.recordSignals(INVENTORY, [thumbsDown('hubot', 1_000)]);
      await store.recordSignals(INVENTORY, [thumbsDown('hubot', 9_000), thumbsDown('monalisa', 9_000)]);
      const { signals } = await store.learningsOf(INVENTORY);
      expect(signals).toHaveLength(2);
      expect(signals).toEqual(
        expect.arrayContaining([thumbsDown('hubot', 1_000), thumbsDown('monalisa', 9_000)]),
      );
      expect((await store.learningsOf({ ...INVENTORY, installationId: 7 })).signals).toEqual([]);
    });

    it('conventions › kept, the same id replaced; forgotten ids › kept with the latest time', async () => {
      const store = createStore();
      await store.recordConvention(INVENTORY, convention('a1b2c3d', 'We return null here on purpose.'));
      await store.recordConvention(INVENTORY, convention('a1b2c3d', 'We return null on purpose.'));
      await store.recordConvention(INVENTORY, convention('0f0f0f0', 'This repository targets Node 20.'));
      await store.forgetLearning(INVENTORY, '0f0f0f0', 6_000);
      await store.forgetLearning(INVENTORY, '0f0f0f0', 7_000);
      const learned = await store.learningsOf(INVENTORY);
      expect(learned.conventions).toHaveLength(2);
      expect(learned.conventions).toEqual(
        expect.arrayContaining([
          convention('a1b2c3d', 'We return null on purpose.'),
          convention('0f0f0f0', 'This repository targets Node 20.'),
        ]),
      );
      expect(learned.forgotten).toEqual(new Map([['0f0f0f0', 7_000]]));
    });

    it("an installation's learnings deleted › gone in every repository; another installation's kept", async () => {
      const store = createStore();
      const billing = { ...INVENTORY, repository: 'acme/billing' };
      const other = { installationId: 7, repository: REPO };
      for (const scope of [INVENTORY, billing, other]) {
        await store.rememberPostedFindings(scope, 7, [SAFETY_STOCK], 1_000);
        await store.recordSignals(scope, [thumbsDown('hubot', 1_000)]);
        await store.recordConvention(scope, convention('a1b2c3d', 'We return null on purpose.'));
        await store.forgetLearning(scope, '0f0f0f0', 2_000);
      }
      await store.deleteInstallationLearnings(42);
      for (const scope of [INVENTORY, billing]) {
        expect(await store.postedFindings(scope, 7)).toEqual([]);
        expect(await store.learningsOf(scope)).toEqual({
          signals: [],
          conventions: [],
          forgotten: new Map(),
        });
      }
      expect(await store.postedFindings(other, 7)).toEqual([SAFETY_STOCK]);
      expect(await store.learningsOf(other)).toMatchObject({ signals: [thumbsDown('hubot', 1_000)] });
    });
  });

  describe('learnings of one repository deleted (removed from its installation)', () => {
    it("› gone; the installation's other repositories, and a repository whose name starts alike, kept", async () => {
      const store = createStore();
      const longer = { ...INVENTORY, repository: `${REPO}-ui` };
      for (const scope of [INVENTORY, longer]) {
        await store.rememberPostedFindings(scope, 7, [SAFETY_STOCK], 1_000);
        await store.recordSignals(scope, [thumbsDown('hubot', 1_000)]);
        await store.recordConvention(scope, convention('a1b2c3d', 'We return null on purpose.'));
        await store.forgetLearning(scope, '0f0f0f0', 2_000);
      }
      await store.deleteRepositoryLearnings(INVENTORY);
      expect(await store.postedFindings(INVENTORY, 7)).toEqual([]);
      expect(await store.learningsOf(INVENTORY)).toEqual({
        signals: [],
        conventions: [],
        forgotten: new Map(),
      });
      expect(await store.postedFindings(longer, 7)).toEqual([SAFETY_STOCK]);
      expect((await store.learningsOf(longer)).forgotten).toEqual(new Map([['0f0f0f0', 2_000]]));
    });
  });

  describe('spend per installation', () => {
    const DEC_3 = Date.UTC(2026, 11, 3, 9, 0);
    const DEC_4 = Date.UTC(2026, 11, 4, 0, 0, 1);
    const JAN_1 = Date.UTC(2027, 0, 1, 0, 0, 1);

    it('spend added twice on one day › summed into that day and its month', async () => {
      const store = createStore();
      await store.addSpend(42, 1_200, DEC_3);
      await store.addSpend(42, 800, DEC_3 + 60_000);
      expect(await store.spendOf(42, DEC_3)).toEqual({ day: 2_000, month: 2_000 });
    });

    it('the next UTC day › its day starts at 0, the month keeps counting', async () => {
      const store = createStore();
      await store.addSpend(42, 2_000, DEC_3);
      await store.addSpend(42, 500, DEC_4);
      expect(await store.spendOf(42, DEC_4)).toEqual({ day: 500, month: 2_500 });
    });

    it('a new month › both start at 0; another installation › its own count', async () => {
      const store = createStore();
      await store.addSpend(42, 2_000, DEC_3);
      await store.addSpend(7, 300, DEC_3);
      expect(await store.spendOf(42, JAN_1)).toEqual({ day: 0, month: 0 });
      expect(await store.spendOf(7, DEC_3)).toEqual({ day: 300, month: 300 });
    });
  });

  describe('reviews per installation', () => {
    const DEC_3 = Date.UTC(2026, 11, 3, 9, 0);
    const DEC_31 = Date.UTC(2026, 11, 31, 23, 59, 59);
    const JAN_1 = Date.UTC(2027, 0, 1, 0, 0, 0);

    it('three reviews in December › 3 all month; January starts at 0; another installation › its own', async () => {
      const store = createStore();
      for (const at of [DEC_3, DEC_3 + 1, DEC_31]) await store.addReview(42, at);
      await store.addReview(7, DEC_3);
      expect(await store.reviewsOf(42, DEC_31)).toBe(3);
      expect(await store.reviewsOf(42, JAN_1)).toBe(0);
      expect(await store.reviewsOf(7, DEC_3)).toBe(1);
    });
  });

  describe('installations and purchases', () => {
    it('an installation saved, then suspended › the latest record; an unknown one › null', async () => {
      const store = createStore();
      await store.saveInstallation({ id: 42, account: { id: 9001, login: 'acme' }, suspended: false });
      await store.saveInstallation({ id: 42, account: { id: 9001, login: 'acme' }, suspended: true });
      expect(await store.installation(42)).toEqual({
        id: 42,
        account: { id: 9001, login: 'acme' },
        suspended: true,
      });
      expect(await store.installation(43)).toBeNull();
    });

    it('a purchase saved twice › the latest, per account', async () => {
      const store = createStore();
      await store.savePurchase(purchase(9001, null));
      await store.savePurchase(purchase(9001, { id: 7, name: 'Team' }));
      expect(await store.purchase(9001)).toEqual(purchase(9001, { id: 7, name: 'Team' }));
      expect(await store.purchase(9002)).toBeNull();
    });
  });

  describe('forgetting', () => {
    const DEC_3 = Date.UTC(2026, 11, 3, 9, 0);

    /** Everything an installation leaves in the store, for one repository. */
    const fill = async (store: SiftStore, installationId: number, account: number, repositoryKey: string) => {
      await store.saveInstallation({
        id: installationId,
        account: { id: account, login: 'x' },
        suspended: false,
      });
      await store.savePurchase(purchase(account, { id: 7, name: 'Team' }));
      await store.addInstallationRepository(installationId, repositoryKey);
      await store.setLastReviewedHead(`${repositoryKey}#7`, 'a'.repeat(40));
      await store.takeCommandSlot(`${repositoryKey}#7`, COOLDOWN, DEC_3);
      await store.recordFeedback(repositoryKey, 7, disputed('f1'));
      await store.recordOutcomes(repositoryKey, 7, [outcome('f1', 'fixed')]);
      await store.addSpend(installationId, 5_000, DEC_3);
      await store.addReview(installationId, DEC_3);
      await store.saveInstallationModel(installationId, `v1.sealed-for-${installationId}`);
      const scope = { installationId, repository: repositoryKey };
      await store.rememberPostedFindings(scope, 7, [SAFETY_STOCK], 1_000);
      await store.recordSignals(scope, [thumbsDown('hubot', 1_000)]);
      await store.recordConvention(scope, convention('a1b2c3d', 'We return null here on purpose.'));
      await store.forgetLearning(scope, 'f0f0f0f', 2_000);
    };
    const remembered = async (
      store: SiftStore,
      installationId: number,
      account: number,
      repositoryKey: string,
    ) => ({
      installation: await store.installation(installationId),
      purchase: await store.purchase(account),
      head: await store.lastReviewedHead(`${repositoryKey}#7`),
      commandSlotFree: await store.takeCommandSlot(`${repositoryKey}#7`, COOLDOWN, DEC_3 + 1),
      disputed: [...(await store.disputedFingerprints(repositoryKey, 7))],
      posted: (await store.repositoryStats(repositoryKey)).posted,
      spend: await store.spendOf(installationId, DEC_3),
      reviews: await store.reviewsOf(installationId, DEC_3),
      ownModel: await store.installationModel(installationId),
      learned: await learnedIn(store, { installationId, repository: repositoryKey }),
    });
    const learnedIn = async (store: SiftStore, scope: LearningScope) => {
      const learnings = await store.learningsOf(scope);
      return {
        posted: (await store.postedFindings(scope, 7)).length,
        signals: learnings.signals.length,
        conventions: learnings.conventions.length,
        forgotten: learnings.forgotten.size,
      };
    };
    const NOTHING = {
      installation: null,
      purchase: null,
      head: null,
      commandSlotFree: true,
      disputed: [],
      posted: 0,
      spend: { day: 0, month: 0 },
      reviews: 0,
      ownModel: null,
      learned: { posted: 0, signals: 0, conventions: 0, forgotten: 0 },
    };

    it('an installation forgotten › nothing of it is left; another installation keeps everything', async () => {
      const store = createStore();
      await fill(store, 42, 9001, REPO);
      await fill(store, 42, 9001, 'acme/billing');
      await fill(store, 7, 9002, 'globex/shop');
      expect(await store.forgetInstallation(42, 9001)).toMatchObject({ repositories: 2 });
      expect(await remembered(store, 42, 9001, REPO)).toEqual(NOTHING);
      expect(await remembered(store, 42, 9001, 'acme/billing')).toEqual(NOTHING);
      expect(await remembered(store, 7, 9002, 'globex/shop')).toMatchObject({
        installation: { id: 7 },
        purchase: { accountId: 9002 },
        head: 'a'.repeat(40),
        commandSlotFree: false,
        disputed: ['f1'],
        posted: 1,
        spend: { day: 5_000, month: 5_000 },
        reviews: 1,
        ownModel: 'v1.sealed-for-7',
        learned: { posted: 1, signals: 1, conventions: 1, forgotten: 1 },
      });
    });

    it("an installation's own model › kept sealed as given, replaced, then removed with null", async () => {
      const store = createStore();
      expect(await store.installationModel(42)).toBeNull();
      await store.saveInstallationModel(42, 'v1.first');
      await store.saveInstallationModel(42, 'v1.second');
      expect(await store.installationModel(42)).toBe('v1.second');
      await store.saveInstallationModel(42, null);
      expect(await store.installationModel(42)).toBeNull();
    });

    it('forgotten without naming the account › the account its record names loses its purchase', async () => {
      const store = createStore();
      await fill(store, 42, 9001, REPO);
      await store.forgetInstallation(42, null);
      expect(await store.purchase(9001)).toBeNull();
    });

    it('a repository forgotten › its pull requests’ state goes; the installation and its other repositories stay', async () => {
      const store = createStore();
      await fill(store, 42, 9001, REPO);
      await fill(store, 42, 9001, 'acme/inventory-ui');
      await store.forgetRepository(42, REPO);
      expect(await remembered(store, 42, 9001, REPO)).toMatchObject({
        head: null,
        commandSlotFree: true,
        disputed: [],
        posted: 0,
        learned: { posted: 0, signals: 0, conventions: 0, forgotten: 0 },
      });
      expect(await remembered(store, 42, 9001, 'acme/inventory-ui')).toMatchObject({
        installation: { id: 42 },
        head: 'a'.repeat(40),
        posted: 1,
        learned: { posted: 1, signals: 1, conventions: 1, forgotten: 1 },
      });
      // Forgetting the installation later covers only the repository it still has.
      expect(await store.forgetInstallation(42, 9001)).toMatchObject({ repositories: 1 });
    });
  });
}

function purchase(accountId: number, plan: AccountPurchase['plan']): AccountPurchase {
  return {
    accountId,
    accountLogin: 'acme',
    plan,
    onFreeTrial: false,
    freeTrialEndsOn: null,
    pending: null,
    source: 'webhook',
  };
}

describe('the in-memory store', () => {
  it('more deliveries than it remembers › the oldest is forgotten, the newer ones still known', async () => {
    const store = createInMemoryStore({ maxDeliveries: 3 });
    for (const n of [1, 2, 3, 4]) await store.firstDelivery(delivery(n));
    expect(await store.firstDelivery(delivery(4))).toBe(false);
    expect(await store.firstDelivery(delivery(3))).toBe(false);
    expect(await store.firstDelivery(delivery(2))).toBe(false);
    expect(await store.firstDelivery(delivery(1))).toBe(true);
  });
});
