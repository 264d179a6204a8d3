import { afterEach, describe, expect, it } from 'vitest';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import { INVENTORY_SCRIPT, RANGE_TITLE, RESERVE_TITLE } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

const CHECK_RUNS = /\/check-runs/;
const REVIEWS = /\/pulls\/7\/reviews$/;
const CONFIG = /\/contents\/\.github(%2F|\/)sift\.yml$/;
const FILES = /\/pulls\/7\/files$/;

describe('GitHub refuses to create the check run (403: no Checks permission)', () => {
  it('the review is posted anyway, and one comment names the missing permission, once', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    life.github.fail('POST', CHECK_RUNS, 403);
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(life.github.issueComments.map((comment) => comment.body)).toEqual([
      expect.stringContaining('the app lacks the **Checks: write** permission'),
    ]);

    await life.push('src/format/price.ts', (text) => `${text}\nexport const CURRENCY = 'USD';\n`);
    await life.idle();
    expect(life.github.issueComments).toHaveLength(1);
  });

  it('a review that fails says so in a comment, since no check run can', async () => {
    // Every pass answers something that is not a list of findings: the review fails.
    const broken = { review: () => 'not findings' as unknown as Array<Record<string, unknown>> };
    life = await startLifecycle({ fixture: 'inventory', script: broken });
    life.github.fail('POST', CHECK_RUNS, 403);
    await life.opened();
    await life.idle();
    expect(life.github.issueComments.map((comment) => comment.body)).toEqual([
      expect.stringContaining('Checks: write'),
      expect.stringContaining('Sift could not finish reviewing commit'),
    ]);
  });
});

describe('GitHub refuses the review’s inline comments (422)', () => {
  it('the review is posted again with every finding in its summary, and the check run says why', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    life.github.fail('POST', REVIEWS, 422, 1);
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    const [review] = life.github.reviews;
    expect(review?.comments).toEqual([]);
    expect(String(review?.body)).toContain(RESERVE_TITLE);
    expect(String(review?.body)).toContain(RANGE_TITLE);
    expect(life.github.lastCheckRunSummary()).toContain(
      'GitHub refused 2 inline comments on this diff, so they are in the review summary instead.',
    );
  });
});

describe('GitHub fails a request', () => {
  it('a transient 502 reading .github/sift.yml › retried, and the config is not taken as invalid', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      config: 'maxComments: 1\n',
      retryGitHub: true,
    });
    life.github.fail('GET', CONFIG, 502, 2);
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    const summary = life.github.lastCheckRunSummary();
    expect(summary).not.toContain('Configuration problems');
    expect(life.github.reviewComments.filter((comment) => comment.in_reply_to_id === null)).toHaveLength(1);
  });

  it('a 502 that lasts › the check run blames GitHub, names the request and says what to do', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT, retryGitHub: true });
    life.github.fail('GET', FILES, 502);
    await life.opened();
    await life.idle();
    const failure = life.github.checkRuns.at(-1)?.body;
    expect(failure).toMatchObject({ conclusion: 'failure' });
    const summary = life.github.lastCheckRunSummary();
    expect(summary).toContain('GitHub answered 502 to GET /repos/acme/inventory/pulls/7/files');
    expect(summary).toContain('Re-run');
    expect(summary).not.toContain('internal error');
  });

  it('a 404 › named as GitHub’s answer, with what to check', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    life.github.fail('GET', FILES, 404);
    await life.opened();
    await life.idle();
    const summary = life.github.lastCheckRunSummary();
    expect(summary).toContain('GitHub answered 404 to GET /repos/acme/inventory/pulls/7/files');
    expect(summary).toContain('still installed on this repository');
  });
});
