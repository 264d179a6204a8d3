import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingTraits } from '../../src/review/learnings/finding-traits.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { everyRow } from '../support/sqlite-rows.js';
import { makeTempDir } from '../support/temp-dir.js';

interface Job {
  readonly pull: number;
  readonly checkRunId?: number;
  readonly installationId?: number;
}

describe('openSqliteStore', () => {
  it('creates its data directory readable by the owner only', () => {
    const dir = join(makeTempDir('sift-data-'), 'nested', 'data');
    openSqliteStore(dir).close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('what it stored is there after it is closed and opened again (a restart)', async () => {
    const dir = makeTempDir('sift-data-');
    const before = openSqliteStore<Job>(dir);
    await before.firstDelivery('d-1');
    await before.setLastReviewedHead('acme/inventory#7', 'a'.repeat(40));
    await before.recordFeedback('acme/inventory', 7, {
      fingerprint: 'f1',
      kind: 'disputed',
      user: 'octocat',
      text: 'no',
    });
    before.journal.accept('acme/inventory#7@aaa', { pull: 7 });
    await before.forgetLearning({ installationId: 42, repository: 'acme/inventory' }, 'a1b2c3d', 9_000);
    before.close();

    const after = openSqliteStore<Job>(dir);
    expect(await after.firstDelivery('d-1')).toBe(false);
    expect(await after.lastReviewedHead('acme/inventory#7')).toBe('a'.repeat(40));
    expect(await after.disputedFingerprints('acme/inventory', 7)).toEqual(new Set(['f1']));
    expect(after.journal.unfinished()).toEqual([{ id: 'acme/inventory#7@aaa', job: { pull: 7 } }]);
    expect((await after.learningsOf({ installationId: 42, repository: 'acme/inventory' })).forgotten).toEqual(
      new Map([['a1b2c3d', 9_000]]),
    );
    after.close();
  });

  it('posted findings older than half a year › pruned when findings are remembered', async () => {
    const store = openSqliteStore(makeTempDir('sift-data-'));
    const scope = { installationId: 42, repository: 'acme/inventory' };
    const traits = (fingerprint: string) => ({
      fingerprint,
      path: 'src/stock.ts',
      category: 'bug',
      title: 'A finding',
      claim: 'A finding',
      symbolKind: null,
      language: 'typescript',
      pathPattern: 'src/*.ts',
      shape: 'x ;',
    });
    const DAY = 24 * 60 * 60 * 1000;
    await store.rememberPostedFindings(scope, 7, [traits('old')], 0);
    await store.rememberPostedFindings(scope, 8, [traits('recent')], 100 * DAY);
    await store.rememberPostedFindings(scope, 9, [traits('new')], 181 * DAY);
    // The first write prunes; the next prune is a hundred writes away.
    for (let n = 0; n < 100; n += 1) await store.rememberPostedFindings(scope, 9, [traits('new')], 181 * DAY);
    expect(await store.postedFindings(scope, 7)).toEqual([]);
    expect(await store.postedFindings(scope, 8)).toEqual([traits('recent')]);
    store.close();
  });

  describe('journal', () => {
    it('accepted jobs come back oldest first until finished; the same id twice is one job', () => {
      const store = openSqliteStore<Job>(makeTempDir('sift-data-'));
      store.journal.accept('b', { pull: 2 });
      store.journal.accept('a', { pull: 1 });
      store.journal.accept('b', { pull: 99 });
      expect(store.journal.unfinished().map((entry) => entry.id)).toEqual(['b', 'a']);
      store.journal.finish('b');
      expect(store.journal.unfinished()).toEqual([{ id: 'a', job: { pull: 1 } }]);
      store.close();
    });

    it('a note merges into the job (the check run it started), and a finished job takes no notes', () => {
      const store = openSqliteStore<Job>(makeTempDir('sift-data-'));
      store.journal.accept('a', { pull: 1 });
      store.journal.note('a', { checkRunId: 9000 });
      expect(store.journal.unfinished()).toEqual([{ id: 'a', job: { pull: 1, checkRunId: 9000 } }]);
      store.journal.finish('a');
      store.journal.note('a', { checkRunId: 9001 });
      expect(store.journal.unfinished()).toEqual([]);
      store.close();
    });
  });

  it('reachable while open, not once closed', () => {
    const store = openSqliteStore(makeTempDir('sift-data-'));
    expect(store.reachable()).toBe(true);
    store.close();
    expect(store.reachable()).toBe(false);
  });

  it('an installation forgotten › every table is empty but the delivery ids, which name nobody', async () => {
    const dir = makeTempDir('sift-data-');
    const store = openSqliteStore<Job>(dir);
    const at = Date.UTC(2026, 11, 3, 9, 0);
    await store.firstDelivery('72d3162e-cc78-11e3-81ab-4c9367dc0958');
    await store.saveInstallation({ id: 42, account: { id: 9001, login: 'acme' }, suspended: false });
    await store.savePurchase({
      accountId: 9001,
      accountLogin: 'acme',
      plan: { id: 7, name: 'Team' },
      onFreeTrial: false,
      freeTrialEndsOn: null,
      pending: null,
      source: 'webhook',
    });
    await store.addInstallationRepository(42, 'acme/inventory');
    await store.setLastReviewedHead('acme/inventory#7', 'a'.repeat(40));
    await store.takeCommandSlot('acme/inventory#7', 60_000, at);
    await store.recordFeedback('acme/inventory', 7, {
      fingerprint: 'f1',
      kind: 'disputed',
      user: 'octocat',
      text: 'no',
    });
    await store.recordOutcomes('acme/inventory', 7, [
      { fingerprint: 'f1', path: 'src/stock.ts', category: 'bug', fate: 'fixed' },
    ]);
    await store.addSpend(42, 5_000, at);
    await store.addReview(42, at);
    await store.saveInstallationModel(42, 'v1.sealed');
    const scope = { installationId: 42, repository: 'acme/inventory' };
    const traits = findingTraits({
      fingerprint: '3f9a1c7e2b4d6a80',
      path: 'src/stock.ts',
      category: 'bug',
      title: '`reserve` refuses to sell the last units in stock',
      body: 'With `available === count` the `<=` refuses an order for exactly the units left.',
      code: ['  if (available <= count) return false;'],
      symbolKind: 'function',
    });
    await store.rememberPostedFindings(scope, 7, [traits], at);
    await store.recordSignals(scope, [
      { pullNumber: 7, kind: 'thumbs-down', by: 'hubot', role: 'reviewer', at, finding: traits },
    ]);
    await store.recordConvention(scope, {
      id: 'a1b2c3d',
      rule: 'We return null here on purpose.',
      paths: ['src/**'],
      pullNumber: 7,
      commentId: 2_000_000_321,
      url: 'https://github.com/acme/inventory/pull/7#discussion_r2000000321',
      by: 'hubot',
      at,
    });
    await store.forgetLearning(scope, 'f0f0f0f', at);
    store.journal.accept('acme/inventory#7@aaa', { pull: 7, installationId: 42 });

    expect(await store.forgetInstallation(42, 9001)).toEqual({ repositories: 1, journaledJobs: 1 });
    store.close();

    const rows = everyRow(join(dir, 'sift.db'));
    const tables = Object.keys(rows);
    expect(tables.length).toBe(16); // a new table must be added to this test and to forgetInstallation
    expect(rows).toEqual({
      ...Object.fromEntries(tables.map((table) => [table, []])),
      deliveries: [{ id: '72d3162e-cc78-11e3-81ab-4c9367dc0958', seen_at: expect.any(Number) }],
    });
  });
});
