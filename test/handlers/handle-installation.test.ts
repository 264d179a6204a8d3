import type { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { handleInstallation } from '../../src/handlers/handle-installation.js';
import { handleInstallationRepositories } from '../../src/handlers/handle-installation-repositories.js';
import { handleMarketplacePurchase } from '../../src/handlers/handle-marketplace-purchase.js';
import type { SiftJob } from '../../src/jobs/sift-job.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { fakeContext, recordingQueue, WARN } from './fake-context.js';

const DELIVERY = '5e4a1b2c-0f3d-11ef-8a9b-7c6d5e4f3a2b';
const ACME = { id: 42, account: { id: 9001, login: 'acme', type: 'Organization' } };

const review = (installationId: number, owner: string, repo: string): SiftJob => ({
  kind: 'review',
  installationId,
  owner,
  repo,
  pullNumber: 7,
  deliveryId: DELIVERY,
  headSha: 'a'.repeat(40),
  baseRef: 'main',
  trigger: 'opened',
  scope: { kind: 'auto' },
});

async function deliver(
  name: 'installation' | 'installation_repositories' | 'marketplace_purchase',
  payload: unknown,
  deps = { queue: recordingQueue(), store: createInMemoryStore() },
) {
  const { context, logged } = fakeContext(DELIVERY, name, payload);
  if (name === 'installation') await handleInstallation(context as unknown as Context<'installation'>, deps);
  else if (name === 'installation_repositories')
    await handleInstallationRepositories(context as unknown as Context<'installation_repositories'>, deps);
  else await handleMarketplacePurchase(context as unknown as Context<'marketplace_purchase'>, deps);
  return { ...deps, logged };
}

describe('handleInstallation', () => {
  it('created on an organisation › remembered with its repositories, nothing queued', async () => {
    const { store, queue, logged } = await deliver('installation', {
      action: 'created',
      installation: ACME,
      repositories: [{ full_name: 'acme/inventory' }, { full_name: 'acme/billing' }],
    });
    expect(await store.installation(42)).toEqual({
      id: 42,
      account: { id: 9001, login: 'acme' },
      suspended: false,
    });
    expect(queue.jobs).toEqual([]);
    expect(logged.at(-1)).toMatchObject({
      msg: 'installed',
      installation: 42,
      account: 'acme',
      repositories: 2,
    });
  });

  it('created on an enterprise (a slug, no login) › named by its slug', async () => {
    const { store } = await deliver('installation', {
      action: 'created',
      installation: { id: 43, account: { id: 77, slug: 'acme-corp' } },
    });
    expect(await store.installation(43)).toMatchObject({ account: { id: 77, login: 'acme-corp' } });
  });

  it('deleted › its jobs withdrawn (another installation’s kept), its state forgotten, and the log says so', async () => {
    const queue = recordingQueue();
    const store = createInMemoryStore();
    await store.saveInstallation({ id: 42, account: { id: 9001, login: 'acme' }, suspended: false });
    await store.addInstallationRepository(42, 'acme/inventory');
    await store.setLastReviewedHead('acme/inventory#7', 'a'.repeat(40));
    await queue.enqueue(review(42, 'acme', 'inventory'));
    await queue.enqueue(review(7, 'globex', 'shop'));

    const { logged } = await deliver(
      'installation',
      { action: 'deleted', installation: ACME },
      { queue, store },
    );
    expect(queue.jobs.map((job) => job.installationId)).toEqual([7]);
    expect(queue.discards).toEqual(['[sift] installation 42 was deleted']);
    expect(await store.installation(42)).toBeNull();
    expect(await store.lastReviewedHead('acme/inventory#7')).toBeNull();
    expect(logged.at(-1)).toMatchObject({
      msg: 'installation deleted: everything Sift stored for it (journal, outcomes, feedback, usage, plan) is deleted',
      installation: 42,
      jobsWithdrawn: 1,
      repositories: 1,
    });
  });

  it.each([
    ['suspend', true],
    ['unsuspend', false],
  ])('%s › recorded (suspended: %s)', async (action, suspended) => {
    const { store } = await deliver('installation', { action, installation: ACME });
    expect(await store.installation(42)).toMatchObject({ suspended });
  });

  it('a delivery without the installation’s account › ignored with a warning, nothing stored', async () => {
    const { store, logged } = await deliver('installation', { action: 'deleted', installation: { id: 42 } });
    expect(await store.installation(42)).toBeNull();
    expect(logged).toContainEqual(
      expect.objectContaining({ level: WARN, msg: 'ignoring a malformed installation event' }),
    );
  });
});

describe('handleInstallationRepositories', () => {
  it('removed › only that repository’s jobs are withdrawn and its state forgotten; added › remembered', async () => {
    const queue = recordingQueue();
    const store = createInMemoryStore();
    await store.setLastReviewedHead('acme/inventory#7', 'a'.repeat(40));
    await store.setLastReviewedHead('acme/billing#7', 'b'.repeat(40));
    await queue.enqueue(review(42, 'acme', 'inventory'));
    await queue.enqueue(review(42, 'acme', 'billing'));

    await deliver(
      'installation_repositories',
      {
        action: 'removed',
        installation: { id: 42 },
        repositories_removed: [{ full_name: 'acme/inventory' }],
        repositories_added: [],
      },
      { queue, store },
    );
    expect(queue.jobs.map((job) => job.repo)).toEqual(['billing']);
    expect(await store.lastReviewedHead('acme/inventory#7')).toBeNull();
    expect(await store.lastReviewedHead('acme/billing#7')).toBe('b'.repeat(40));
  });
});

describe('handleMarketplacePurchase', () => {
  const purchase = (action: string, plan: unknown) => ({
    action,
    effective_date: '2027-01-01T00:00:00+00:00',
    marketplace_purchase: { account: { id: 9001, login: 'acme' }, plan, on_free_trial: false },
  });

  it('purchased › the account’s plan is kept', async () => {
    const { store } = await deliver('marketplace_purchase', purchase('purchased', { id: 7, name: 'Team' }));
    expect(await store.purchase(9001)).toMatchObject({ plan: { id: 7, name: 'Team' }, source: 'webhook' });
  });

  it('a pending change for an account Sift never heard of › nothing kept (looked up when needed), and said', async () => {
    const { store, logged } = await deliver(
      'marketplace_purchase',
      purchase('pending_change', { id: 6, name: 'Free' }),
    );
    expect(await store.purchase(9001)).toBeNull();
    expect(logged.at(-1)?.msg).toBe(
      'a pending plan change for an account Sift has not heard of: it is looked up when needed',
    );
  });

  it('a delivery without a plan › ignored with a warning', async () => {
    const { store, logged } = await deliver('marketplace_purchase', purchase('purchased', null));
    expect(await store.purchase(9001)).toBeNull();
    expect(logged).toContainEqual(
      expect.objectContaining({ level: WARN, msg: 'ignoring a malformed marketplace_purchase event' }),
    );
  });
});
