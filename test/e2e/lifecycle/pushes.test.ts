import { afterEach, describe, expect, it } from 'vitest';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import { INVENTORY_SCRIPT, RANGE_TITLE } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

const reviewedCommits = (life: Lifecycle) =>
  life.github.reviews.map((review) => String(review.commit_id).slice(0, 7));
const lastSummary = (life: Lifecycle) => life.github.lastCheckRunSummary();

describe('synchronize', () => {
  it('a burst of three pushes while a review runs › the running review is cancelled and posts nothing; one review of the latest head', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT, latencyMs: 150 });
    await life.opened();
    await life.idle();
    await life.push('src/stock.ts', (text) => `${text}\n// one\n`);
    await new Promise((resolve) => setTimeout(resolve, 120)); // its review is now waiting on the model
    await life.push('src/stock.ts', (text) => `${text}// two\n`);
    await life.push('src/format/price.ts', (text) =>
      text.replace('low: number, high: number', 'high: number, low: number'),
    );
    await life.idle();

    const creates = life.github.checkRuns
      .filter((run) => run.method === 'create')
      .map((run) => String(run.body.head_sha).slice(0, 7));
    const conclusions = life.github.checkRuns
      .filter((run) => run.method === 'update')
      .map((run) => run.body.conclusion);
    expect(conclusions.filter((conclusion) => conclusion === 'cancelled')).toHaveLength(1);
    expect(creates.at(-1)).toBe(life.head().slice(0, 7));
    // The opening review, then only the latest head (the middle push was never started).
    expect(creates).toHaveLength(3);
    const reviewed = reviewedCommits(life);
    const latest = life.head().slice(0, 7);
    expect(reviewed.every((commit) => commit === reviewed[0] || commit === latest)).toBe(true);
  });

  it('after a force-push › a full review, and the check run says why', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    await life.push('src/stock.ts', (text) => `${text}\n// rewritten\n`, { force: true });
    await life.idle();
    expect(lastSummary(life)).toContain('the whole pull request: the branch was rewritten since');
    expect(life.github.reviewComments.filter((comment) => comment.in_reply_to_id === null)).toHaveLength(2);
  });

  it('merging the base branch in › the merged changes are not reviewed', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    const promptsBefore = life.model.requests.length;
    await life.mergeBase('src/ledger.ts', 'export const ledger: string[] = [];\n');
    await life.idle();
    const prompts = life.model.requests
      .slice(promptsBefore)
      .map((request) => request.messages.map((message) => message.content).join('\n'));
    expect(prompts.some((prompt) => prompt.includes('src/ledger.ts'))).toBe(false);
    expect(life.github.reviews).toHaveLength(1);
  });

  it('a push that changes only files Sift already reviewed, elsewhere › reviews only the new hunk', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    const before = life.model.requests.length;
    await life.push('src/item.ts', (text) =>
      text.replace('price: number;', 'price: number;\n  sku?: string;'),
    );
    await life.idle();
    const diff = life.model.requests[before]?.messages.map((message) => message.content).join('\n') ?? '';
    expect(diff).toContain('src/item.ts');
    expect(diff).not.toContain('path="src/stock.ts"');
    expect(lastSummary(life)).toContain("what changed since Sift's review of");
    expect(life.github.reviewComments.some((comment) => comment.body.includes(RANGE_TITLE))).toBe(true);
  });
});
