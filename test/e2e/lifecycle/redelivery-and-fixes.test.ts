import { afterEach, describe, expect, it } from 'vitest';
import { readFindingMarker } from '../../../src/github/review-markers.js';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import { INVENTORY_SCRIPT, RANGE_TITLE, RESERVE_TITLE } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

const titles = (life: Lifecycle) =>
  life.github.reviewComments
    .filter((comment) => comment.in_reply_to_id === null)
    .map((comment) => /^\*\*(.+?)\*\*/.exec(comment.body)?.[1]);

describe('pull_request.opened', () => {
  it('delivered twice (GitHub redelivers with the same id) › one review', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened('delivery-same');
    await life.opened('delivery-same');
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(titles(life)).toEqual([RESERVE_TITLE, RANGE_TITLE].sort());
    expect(life.github.unexpected).toEqual([]);
  });

  it('delivered again after a restart (a new delivery id, Sift has forgotten it) › still one review', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(life.github.checkRuns.filter((run) => run.method === 'create')).toHaveLength(1);
  });
});

describe('synchronize', () => {
  it('a push that fixes one finding › no new review comment, and the fixed finding’s thread is resolved with a reply', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    const reserve = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    const range = life.github.reviewComments.find((comment) => comment.body.includes('formatRange'));

    await life.push('src/stock.ts', (text) => text.replace('available <= count', 'available < count'));
    await life.idle();

    expect(life.github.reviewComments.filter((comment) => comment.in_reply_to_id === null)).toHaveLength(2);
    expect(reserve?.resolved).toBe(true);
    expect(range?.resolved).toBe(false);
    const replies = life.github.reviewComments.filter((comment) => comment.in_reply_to_id === reserve?.id);
    expect(replies.map((reply) => reply.body)).toEqual([
      `This looks fixed in ${life.head().slice(0, 7)}: the code this pointed at changed, and the re-review no longer finds the problem.`,
    ]);
    const summary = life.github.lastCheckRunSummary();
    expect(summary).toContain(
      `Reviewed commit \`${life.head().slice(0, 7)}\`: what changed since Sift's review of`,
    );
    expect(summary).toContain('1 earlier finding looks fixed by this push; its thread was resolved.');
    expect(life.github.reviews).toHaveLength(1);
  });

  it('a push that touches the unfixed finding’s file without fixing it › the finding is not posted again', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    await life.push('src/format/price.ts', (text) => `${text}\nexport const CURRENCY = 'USD';\n`);
    await life.idle();
    expect(titles(life)).toHaveLength(2);
    expect(life.github.reviewComments.every((comment) => !comment.resolved)).toBe(true);
    const markers = life.github.reviewComments.map((comment) => readFindingMarker(comment.body)?.fingerprint);
    expect(new Set(markers).size).toBe(markers.length);
  });
});
