import type { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { handlePullRequest } from '../../src/handlers/handle-pull-request.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { jsonFixture } from '../support/fixtures.js';
import { fakeContext, recordingQueue, WARN } from './fake-context.js';

const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const DELIVERY = 'b3f1c6a0-0e5d-11ef-9c2f-8d1e5a7f3b21';

/** The inventory pull request's `opened` webhook, turned into another action. */
function event(action: string, pull: Record<string, unknown> = {}) {
  const payload = jsonFixture<{ pull_request: Record<string, unknown> } & Record<string, unknown>>(
    'github/inventory/pull_request.opened.json',
  );
  return { ...payload, action, pull_request: { ...payload.pull_request, ...pull } };
}

async function deliver(
  payload: unknown,
  options: { id?: string; store?: ReturnType<typeof createInMemoryStore> } = {},
) {
  const queue = recordingQueue();
  const store = options.store ?? createInMemoryStore();
  const { context, logged } = fakeContext(options.id ?? DELIVERY, 'pull_request', payload);
  await handlePullRequest(context as unknown as Context<'pull_request'>, { queue, store });
  return { jobs: queue.jobs, logged, store };
}

const PULL = { installationId: 55, owner: 'acme', repo: 'inventory', pullNumber: 7, deliveryId: DELIVERY };

describe('handlePullRequest', () => {
  it.each(['opened', 'reopened', 'synchronize', 'ready_for_review'])(
    '%s › one automatic review of the head, on the base branch’s configuration',
    async (action) => {
      const { jobs } = await deliver(event(action));
      expect(jobs).toEqual([
        {
          ...PULL,
          kind: 'review',
          headSha: HEAD,
          baseRef: 'main',
          trigger: action,
          scope: { kind: 'auto' },
          // Orders deliveries that arrive out of order.
          updatedAt: '2026-11-30T10:00:00Z',
        },
      ]);
    },
  );

  describe('closed', () => {
    it.each([
      ['merged', true, true],
      ['closed without merging', false, false],
      ['with merged missing (null)', null, false],
    ])('%s › an outcome job, merged: %s', async (_, merged, expected) => {
      const { jobs } = await deliver(event('closed', { state: 'closed', merged }));
      expect(jobs).toEqual([
        { ...PULL, kind: 'outcome', headSha: HEAD, merged: expected, pullAuthor: 'octocat', baseRef: 'main' },
      ]);
    });
  });

  it.each(['labeled', 'edited', 'assigned', 'review_requested', 'converted_to_draft'])(
    '%s › nothing enqueued',
    async (action) => {
      expect((await deliver(event(action))).jobs).toEqual([]);
    },
  );

  it('synchronize on a pull request already closed › nothing enqueued', async () => {
    expect((await deliver(event('synchronize', { state: 'closed' }))).jobs).toEqual([]);
  });

  it('the same delivery again (GitHub redelivers) › nothing enqueued the second time, and logged', async () => {
    const store = createInMemoryStore();
    expect((await deliver(event('opened'), { store })).jobs).toHaveLength(1);
    const again = await deliver(event('opened'), { store });
    expect(again.jobs).toEqual([]);
    expect(again.logged).toContainEqual(
      expect.objectContaining({ msg: 'redelivered webhook ignored', delivery: DELIVERY }),
    );
  });

  it('a new delivery of the same action (a second push event) › enqueued again', async () => {
    const store = createInMemoryStore();
    await deliver(event('synchronize'), { store });
    const second = await deliver(event('synchronize'), { store, id: 'c4a2d7b1-0e5d-11ef-8f3a-2b6c9d0e1f42' });
    expect(second.jobs).toHaveLength(1);
  });

  describe('a malformed payload', () => {
    it.each([
      ['without the installation', { ...event('opened'), installation: undefined }],
      ['with a head that is not a commit id', event('opened', { head: { sha: 'stock-rules' } })],
      ['with a pull request number of 0', event('opened', { number: 0 })],
    ])('%s › ignored, with a warning naming the delivery', async (_, payload) => {
      const { jobs, logged, store } = await deliver(payload);
      expect(jobs).toEqual([]);
      expect(logged).toContainEqual(
        expect.objectContaining({
          level: WARN,
          msg: 'ignoring a malformed pull_request event',
          delivery: DELIVERY,
        }),
      );
      // A fixed redelivery of the same event is still taken.
      expect(await store.firstDelivery(DELIVERY)).toBe(true);
    });
  });
});
