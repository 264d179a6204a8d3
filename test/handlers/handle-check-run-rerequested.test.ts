import type { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { handleCheckRunRerequested } from '../../src/handlers/handle-check-run-rerequested.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { jsonFixture } from '../support/fixtures.js';
import { fakeContext, recordingQueue } from './fake-context.js';

const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const DELIVERY = 'a9c3e1f0-0e5f-11ef-8d2b-7e5c1b4a9f86';

function rerequested(name: string, pullRequests: Array<{ number: number; base: { ref: string } }>) {
  const opened = jsonFixture<Record<string, unknown>>('github/inventory/pull_request.opened.json');
  return {
    action: 'rerequested',
    repository: opened.repository,
    installation: opened.installation,
    check_run: { id: 9000, name, head_sha: HEAD, pull_requests: pullRequests },
  };
}

async function deliver(payload: unknown, store = createInMemoryStore()) {
  const queue = recordingQueue();
  const { context } = fakeContext(DELIVERY, 'check_run', payload);
  await handleCheckRunRerequested(context as unknown as Context<'check_run.rerequested'>, { queue, store });
  return queue.jobs;
}

describe('handleCheckRunRerequested', () => {
  it('Re-run on Sift’s check run › a full review of each pull request at that commit, asked by a person', async () => {
    expect(await deliver(rerequested('Sift', [{ number: 7, base: { ref: 'main' } }]))).toEqual([
      {
        kind: 'review',
        installationId: 55,
        owner: 'acme',
        repo: 'inventory',
        pullNumber: 7,
        headSha: HEAD,
        baseRef: 'main',
        trigger: 'rerequested',
        scope: { kind: 'full' },
        deliveryId: DELIVERY,
      },
    ]);
  });

  it('the same Re-run delivered again › enqueued once', async () => {
    const store = createInMemoryStore();
    const payload = rerequested('Sift', [{ number: 7, base: { ref: 'main' } }]);
    expect(await deliver(payload, store)).toHaveLength(1);
    expect(await deliver(payload, store)).toEqual([]);
  });

  it('Re-run on another app’s check run › nothing', async () => {
    expect(await deliver(rerequested('CI', [{ number: 7, base: { ref: 'main' } }]))).toEqual([]);
  });

  it('a commit on no pull request (a fork’s, which GitHub does not list) › nothing', async () => {
    expect(await deliver(rerequested('Sift', []))).toEqual([]);
  });
});
