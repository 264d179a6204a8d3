import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiftJob } from '../../../src/jobs/sift-job.js';
import { loadPlansFile } from '../../../src/plans/load-plans-file.js';
import { openSqliteStore, type SqliteStore } from '../../../src/store/sqlite-store.js';
import { FIXTURES } from '../../support/fixtures.js';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import type { ModelScript } from '../../support/scripted-model.js';
import { everyRow } from '../../support/sqlite-rows.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { INVENTORY_SCRIPT, RESERVE_TITLE } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
let database: SqliteStore<SiftJob> | undefined;
afterEach(async () => {
  expect(life?.github.unexpected ?? []).toEqual([]);
  await life?.stop();
  database?.close();
  life = undefined;
  database = undefined;
});

const INSTALLATION = { id: 42, account: { id: 9001, login: 'acme', type: 'Organization' } };
const DEC_3 = Date.UTC(2026, 11, 3, 15, 0);

/** A model that is convinced by "intended": the dispute is recorded as feedback. */
const CONVINCED: ModelScript = {
  ...INVENTORY_SCRIPT,
  reply: () => ({
    reply: 'Understood: refusing the last unit keeps a safety stock.',
    stance: 'disputes',
    findingStands: false,
    suggestion: null,
  }),
};

const installation = (life: Lifecycle, action: string, extra: Record<string, unknown> = {}) =>
  life.deliver('installation', { action, installation: INSTALLATION, ...extra });

describe('a suspended installation', () => {
  it('› gets no work: no check run, no review, no model call; unsuspended, it is reviewed again', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await installation(life, 'created', { repositories: [{ full_name: 'acme/inventory' }] });
    await installation(life, 'suspend');
    await life.opened();
    await life.comment('/review full');
    await life.idle();
    expect(life.github.checkRuns).toEqual([]);
    expect(life.github.reviews).toEqual([]);
    expect(life.github.reactions).toEqual([]);
    expect(life.model.requests).toEqual([]);

    await installation(life, 'unsuspend');
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
  });
});

describe('installation.deleted', () => {
  it('› everything Sift stored for it is deleted — journal, outcomes, feedback, heads, cooldowns, usage, plan — a review in flight is withdrawn, and the log says so', async () => {
    const dir = makeTempDir('sift-uninstall-');
    let release = () => {};
    let held: Promise<void> | undefined;
    let calledWhileHeld = 0;
    database = openSqliteStore<SiftJob>(dir);
    life = await startLifecycle({
      fixture: 'inventory',
      script: CONVINCED,
      now: () => DEC_3,
      plans: loadPlansFile(join(FIXTURES, 'plans/plans.yml')),
      store: database,
      journal: database.journal,
      captureLog: true,
      // Once held, a model call ignores cancellation and answers (and is billed) when let go.
      wrapModel: (model) => ({
        async complete(request) {
          if (held) {
            calledWhileHeld += 1;
            await held;
          }
          return model.complete({ ...request, signal: undefined });
        },
      }),
    });
    await installation(life, 'created', { repositories: [{ full_name: 'acme/inventory' }] });
    // The account's purchase is looked up (a free account: 404) and kept.
    await life.opened();
    await life.idle();
    const root = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    if (!root) throw new Error('no reserve finding');
    await life.reply(root.id, 'This is intended.');
    await life.comment('/review');
    await life.idle();
    await life.close(true);
    await life.idle();
    const before = everyRow(join(dir, 'sift.db'));
    for (const table of [
      'installations',
      'installation_repositories',
      'purchases',
      'reviewed_heads',
      'command_slots',
      'feedback',
      'outcomes',
      'spend',
      'reviews',
    ])
      expect(before[table], table).not.toEqual([]);

    // A new push: its review is waiting on the model when the app is uninstalled; the call it has
    // in flight is billed after the deletion, and that spend must go too.
    held = new Promise((resolve) => {
      release = resolve;
    });
    await life.push('src/stock.ts', (text) => `${text}\nexport const RESERVED = 0;\n`);
    await expect.poll(() => calledWhileHeld).toBeGreaterThan(0);
    const reviews = life.github.reviews.length;
    await installation(life, 'deleted');
    release();
    await life.idle();

    expect(life.github.reviews).toHaveLength(reviews);
    const after = everyRow(join(dir, 'sift.db'));
    expect(Object.keys(after)).toHaveLength(16);
    expect(after).toEqual({
      ...Object.fromEntries(Object.keys(after).map((table) => [table, []])),
      // Delivery ids (GUIDs that name nobody) are kept a week to recognise redeliveries.
      deliveries: expect.any(Array),
    });
    expect(JSON.stringify(after.deliveries)).not.toMatch(/acme|inventory/);
    expect(life.logs).toContainEqual(
      expect.objectContaining({
        msg: 'installation deleted: everything Sift stored for it (journal, outcomes, feedback, usage, plan) is deleted',
        installation: 42,
        account: 'acme',
        repositories: 1,
        jobsWithdrawn: 1,
      }),
    );
  });
});

describe('installation_repositories.removed', () => {
  it('› what Sift kept about the repository’s pull requests is deleted; the installation and its usage stay', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: CONVINCED, now: () => DEC_3 });
    await installation(life, 'created', { repositories: [{ full_name: 'acme/inventory' }] });
    await life.opened();
    await life.idle();
    await life.close(true);
    await life.idle();
    expect((await life.store.repositoryStats('acme/inventory')).posted).toBeGreaterThan(0);

    await life.deliver('installation_repositories', {
      action: 'removed',
      repository_selection: 'selected',
      repositories_added: [],
      repositories_removed: [{ full_name: 'acme/inventory' }],
    });
    await life.idle();
    expect((await life.store.repositoryStats('acme/inventory')).posted).toBe(0);
    expect(await life.store.lastReviewedHead('acme/inventory#7')).toBeNull();
    expect(await life.store.installation(42)).toMatchObject({ account: { login: 'acme' } });
    expect(await life.store.reviewsOf(42, DEC_3)).toBe(1);
  });
});
