import type { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { handleReviewComment } from '../../src/handlers/handle-review-comment.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import type { SiftStore } from '../../src/store/sift-store.js';
import { jsonFixture } from '../support/fixtures.js';
import { fakeContext, recordingQueue, WARN } from './fake-context.js';

const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const DELIVERY = 'e0a7c5f2-0e5e-11ef-8b1d-5c3a9f2e7d64';
/** Sift's comment on `reserve`, the root of the thread. */
const ROOT_ID = 1_593_204_771;
const REPLY_ID = 1_593_311_086;

const user = (login: string, type: 'User' | 'Bot') => ({
  login,
  id: type === 'Bot' ? 41_898_282 : 583_231,
  type,
  html_url: `https://github.com/${login}`,
});

/** A `pull_request_review_comment.created` delivery on the inventory pull request. */
function replyEvent(comment: Record<string, unknown> = {}) {
  const opened = jsonFixture<Record<string, unknown>>('github/inventory/pull_request.opened.json');
  return {
    action: 'created',
    pull_request: opened.pull_request,
    repository: opened.repository,
    organization: opened.organization,
    installation: opened.installation,
    sender: user('octocat', 'User'),
    comment: {
      id: REPLY_ID,
      node_id: 'PRRC_kwDOKx1b5M5e9xTu',
      pull_request_review_id: 2_012_554_901,
      path: 'src/stock.ts',
      commit_id: HEAD,
      original_commit_id: HEAD,
      diff_hunk: "@@ -3,17 +3,11 @@ import type { Item } from './item.js';",
      line: 6,
      side: 'RIGHT',
      body: 'Why is `<=` wrong here? We keep one unit back as a display sample.',
      in_reply_to_id: ROOT_ID,
      user: user('octocat', 'User'),
      created_at: '2024-05-10T10:21:07Z',
      html_url: `https://github.com/acme/inventory/pull/7#discussion_r${REPLY_ID}`,
      ...comment,
    },
  };
}

async function deliver(payload: unknown, options: { id?: string; store?: SiftStore } = {}) {
  const queue = recordingQueue();
  const store = options.store ?? createInMemoryStore();
  const { context, logged } = fakeContext(options.id ?? DELIVERY, 'pull_request_review_comment', payload);
  await handleReviewComment(context as unknown as Context<'pull_request_review_comment.created'>, {
    queue,
    store,
  });
  return { jobs: queue.jobs, logged };
}

describe('handleReviewComment', () => {
  it('a person replying in a thread › a conversation job for that thread and reply', async () => {
    expect((await deliver(replyEvent())).jobs).toEqual([
      {
        kind: 'conversation',
        installationId: 55,
        owner: 'acme',
        repo: 'inventory',
        pullNumber: 7,
        deliveryId: DELIVERY,
        rootCommentId: ROOT_ID,
        replyCommentId: REPLY_ID,
        author: 'octocat',
        headSha: HEAD,
        pullAuthor: 'octocat',
        baseRef: 'main',
      },
    ]);
  });

  it('someone other than the author replying › the job names both', async () => {
    const [job] = (await deliver(replyEvent({ user: user('hubot', 'User') }))).jobs;
    expect(job).toMatchObject({ author: 'hubot', pullAuthor: 'octocat' });
  });

  it.each([
    ['a new comment, not a reply (no in_reply_to_id)', { in_reply_to_id: undefined }],
    ["Sift's own reply", { user: user('sift-review[bot]', 'Bot') }],
    ["another bot's reply", { user: user('dependabot[bot]', 'Bot') }],
  ])('%s › nothing enqueued', async (_, comment) => {
    expect((await deliver(replyEvent(comment))).jobs).toEqual([]);
  });

  it('the same delivery again › nothing enqueued the second time', async () => {
    const store = createInMemoryStore();
    expect((await deliver(replyEvent(), { store })).jobs).toHaveLength(1);
    expect((await deliver(replyEvent(), { store })).jobs).toEqual([]);
  });

  it('a second reply in the thread (a new delivery) › enqueued too', async () => {
    const store = createInMemoryStore();
    await deliver(replyEvent(), { store });
    const { jobs } = await deliver(replyEvent({ id: REPLY_ID + 1 }), {
      store,
      id: 'f19b2d63-0e5e-11ef-9a4e-6d4b0a3f8e75',
    });
    expect(jobs).toMatchObject([{ rootCommentId: ROOT_ID, replyCommentId: REPLY_ID + 1 }]);
  });

  it.each([
    ['without the installation', { ...replyEvent(), installation: undefined }],
    ['with a comment id that is not a number', replyEvent({ id: 'PRRC_kwDOKx1b5M5e9xTu' })],
    ['an edit, not a new comment', { ...replyEvent(), action: 'edited' }],
  ])('a payload %s › ignored, with a warning naming the delivery', async (_, payload) => {
    const { jobs, logged } = await deliver(payload);
    expect(jobs).toEqual([]);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: WARN,
        msg: 'ignoring a malformed pull_request_review_comment event',
        delivery: DELIVERY,
      }),
    );
  });
});
