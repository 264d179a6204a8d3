import type { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { handleReviewCommand } from '../../src/handlers/handle-review-command.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { jsonFixture } from '../support/fixtures.js';
import { fakeContext, recordingQueue, WARN } from './fake-context.js';

const DELIVERY = 'f1b8d6a3-0e5e-11ef-9a2c-6d4b0a3f8e75';

/** An `issue_comment.created` delivery on the inventory pull request. */
function commentEvent(
  body: string,
  overrides: { user?: Record<string, unknown>; issue?: Record<string, unknown> } = {},
) {
  const opened = jsonFixture<Record<string, unknown>>('github/inventory/pull_request.opened.json');
  return {
    action: 'created',
    repository: { ...(opened.repository as object), private: true },
    installation: opened.installation,
    issue: {
      number: 7,
      state: 'open',
      user: { login: 'octocat' },
      pull_request: { merged_at: null },
      ...overrides.issue,
    },
    comment: { id: 4242, body, user: { login: 'hubot', type: 'User', ...overrides.user } },
  };
}

async function deliver(payload: unknown, store = createInMemoryStore(), id = DELIVERY) {
  const queue = recordingQueue();
  const { context, logged } = fakeContext(id, 'issue_comment', payload);
  await handleReviewCommand(context as unknown as Context<'issue_comment.created'>, { queue, store });
  return { jobs: queue.jobs, logged };
}

describe('handleReviewCommand', () => {
  it('`/review src/**` › one command job with everything the job checks, and no GitHub call', async () => {
    const { jobs } = await deliver(commentEvent('/review src/**'));
    expect(jobs).toEqual([
      {
        kind: 'command',
        installationId: 55,
        owner: 'acme',
        repo: 'inventory',
        pullNumber: 7,
        deliveryId: DELIVERY,
        command: { kind: 'review', scope: 'paths', glob: 'src/**' },
        commentId: 4242,
        author: 'hubot',
        pullAuthor: 'octocat',
        privateRepository: true,
        pullState: 'open',
        merged: false,
      },
    ]);
  });

  it('the same delivery twice (GitHub redelivers) › one job', async () => {
    const store = createInMemoryStore();
    expect((await deliver(commentEvent('/review'), store)).jobs).toHaveLength(1);
    const again = await deliver(commentEvent('/review'), store);
    expect(again.jobs).toEqual([]);
    expect(again.logged).toContainEqual(expect.objectContaining({ msg: 'redelivered webhook ignored' }));
  });

  it.each([
    ['a comment without a command', commentEvent('Looks good to me')],
    ['a quoted command', commentEvent('> /review\nno thanks')],
    ['a command by a bot', commentEvent('/review', { user: { login: 'sift-review[bot]', type: 'Bot' } })],
    [
      'a comment on an issue, not a pull request',
      commentEvent('/review', { issue: { pull_request: undefined } }),
    ],
  ])('%s › no job', async (_, payload) => {
    expect((await deliver(payload)).jobs).toEqual([]);
  });

  it('a malformed delivery › no job, a warning naming it', async () => {
    const { jobs, logged } = await deliver({ ...commentEvent('/review'), installation: undefined });
    expect(jobs).toEqual([]);
    expect(logged).toContainEqual(expect.objectContaining({ level: WARN, delivery: DELIVERY }));
  });
});
