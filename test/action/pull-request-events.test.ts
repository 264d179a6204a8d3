import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readFindingMarker, readReviewMarker } from '../../src/github/review-markers.js';
import { ACTIONS_BOT, startActionScenario } from '../support/action-harness.js';
import type { FakeReviewComment } from '../support/fake-github-server.js';
import { MODEL_KEY, WORKFLOW_TOKEN } from '../support/run-bundled-action.js';
import { ACTION_SCRIPT, RANGE_TITLE, RESERVE_TITLE, RESTOCK, RESTOCK_TITLE } from './action-script.js';

type Scenario = Awaited<ReturnType<typeof startActionScenario>>;
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.stop();
  scenario = undefined;
});

// Each run is a node process against servers on loopback; GitHub's write throttle spaces its posts a second apart.
const RUN_TIMEOUT = 60_000;

const threads = (s: Scenario) => s.github.reviewComments.filter((comment) => comment.in_reply_to_id === null);
const titleOf = (comment: FakeReviewComment) => /^\*\*(.+?)\*\*/.exec(comment.body)?.[1];

describe('the bundled Action on pull_request', () => {
  it(
    'opened › one review with the findings on their lines, the report in the job summary, the outputs and the SARIF file',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run(scenario.pullRequestEvent('opened'), {
        'sarif-file': 'sift/results.sarif',
      });

      expect(run.exitCode).toBe(0);
      expect(scenario.github.unexpected).toEqual([]);
      expect(scenario.github.reviews).toHaveLength(1);
      const review = scenario.github.reviews[0] ?? {};
      expect(review.event).toBe('COMMENT');
      expect(readReviewMarker(String(review.body))).toEqual({ head: scenario.head(), job: run.job });
      expect(threads(scenario).map((comment) => [titleOf(comment), comment.path, comment.line])).toEqual([
        [RANGE_TITLE, 'src/format/price.ts', 10],
        [RESERVE_TITLE, 'src/stock.ts', 6],
      ]);
      expect(threads(scenario).map((comment) => readFindingMarker(comment.body)?.severity)).toEqual([
        'major',
        'major',
      ]);
      // The workflow job is the check: Sift creates no check run of its own.
      expect(scenario.github.checkRuns).toEqual([]);

      expect(run.summary).toContain('## Sift: 2 findings posted');
      expect(run.summary).toContain(
        `Reviewed commit \`${scenario.head().slice(0, 7)}\`: the whole pull request.`,
      );
      expect(run.summary).toMatch(/\| Findings held back \| none \|/);
      expect(run.summary).toContain('- `package-lock.json` — lockfile');
      // Tree-sitter ran from the grammars shipped next to the bundle: context from other files.
      expect(run.summary).toMatch(/\| Cross-file context \| \d+ snippets? from \d+ files?, /);

      expect(run.outputs).toEqual({
        result: 'posted',
        findings: '2',
        'held-back': '0',
        'sarif-file': expect.stringMatching(/\/sift\/results\.sarif$/),
      });
      const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'));
      expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual([
        'bug',
        'bug',
      ]);
      expect(sarif.runs[0].results[1].locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: 'src/stock.ts', uriBaseId: '%SRCROOT%' },
        region: { startLine: 6, endLine: 6 },
      });

      expect(run.log).toContain('sift: pull_request on acme/inventory#7');
      expect(run.log).toContain('sift: acme/inventory#7: posted; 2 posted, 0 held back');
      expect(run.log).not.toContain(WORKFLOW_TOKEN);
      expect(run.log).not.toContain(MODEL_KEY);
      // The key and the token never reach the model either.
      const prompts = JSON.stringify(scenario.model.requests);
      expect(prompts).not.toContain(MODEL_KEY);
      expect(prompts).not.toContain(WORKFLOW_TOKEN);
    },
    RUN_TIMEOUT,
  );

  it(
    'a push that fixes one finding and adds a new one › the fixed thread is resolved, only the new finding is posted, nothing repeats',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      expect((await scenario.run(scenario.pullRequestEvent('opened'))).exitCode).toBe(0);
      const [range, reserve] = threads(scenario);
      const firstHead = scenario.head();

      scenario.push({
        'src/stock.ts': (text) => `${text.replace('available <= count', 'available < count')}${RESTOCK}`,
      });
      const run = await scenario.run(scenario.pullRequestEvent('synchronize'));

      expect(run.exitCode).toBe(0);
      expect(scenario.github.unexpected).toEqual([]);
      expect(scenario.github.reviews).toHaveLength(2);
      expect(readReviewMarker(String(scenario.github.reviews[1]?.body))?.head).toBe(scenario.head());
      // The second review holds the new finding only: what Sift said before is read from its markers.
      const posted = scenario.github.reviews[1]?.comments as Array<{ body: string; path: string }>;
      expect(posted.map((comment) => [/^\*\*(.+?)\*\*/.exec(comment.body)?.[1], comment.path])).toEqual([
        [RESTOCK_TITLE, 'src/stock.ts'],
      ]);
      expect(threads(scenario).map(titleOf)).toEqual([RANGE_TITLE, RESERVE_TITLE, RESTOCK_TITLE]);
      expect(reserve?.resolved).toBe(true);
      expect(range?.resolved).toBe(false);
      expect(
        scenario.github.reviewComments.filter((comment) => comment.in_reply_to_id === reserve?.id),
      ).toEqual([
        expect.objectContaining({
          body: `This looks fixed in ${scenario.head().slice(0, 7)}: the code this pointed at changed, and the re-review no longer finds the problem.`,
          user: ACTIONS_BOT,
        }),
      ]);
      expect(run.summary).toContain(`what changed since Sift's review of ${firstHead.slice(0, 7)}`);
      expect(run.summary).toContain('1 earlier finding looks fixed by this push; its thread was resolved.');
      expect(run.outputs).toMatchObject({ result: 'posted', findings: '1' });
    },
    RUN_TIMEOUT * 2,
  );

  it(
    'the same head delivered again (a re-run of the job) › nothing is posted twice',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      await scenario.run(scenario.pullRequestEvent('opened'));
      const requestsToModel = scenario.model.requests.length;
      const run = await scenario.run(scenario.pullRequestEvent('reopened'));

      expect(run.exitCode).toBe(0);
      expect(scenario.github.reviews).toHaveLength(1);
      expect(scenario.model.requests).toHaveLength(requestsToModel);
      expect(run.summary).toContain('## Sift: already reviewed');
      expect(run.outputs).toMatchObject({ result: 'already-reviewed', findings: '0' });
    },
    RUN_TIMEOUT * 2,
  );

  it(
    'markers forged by another bot or a person › ignored: the pull request is reviewed in full',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      // What Sift would post, copied by others: "this head is reviewed", "these findings were said".
      await scenario.run(scenario.pullRequestEvent('opened'));
      const genuine = threads(scenario).map((comment) => ({ ...comment }));
      const reviewBody = String(scenario.github.reviews[0]?.body);
      await scenario.stop();

      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const forgers = [
        { login: 'sift-review[bot]', type: 'Bot' as const }, // the Sift app: not this token's account
        { login: 'copycat[bot]', type: 'Bot' as const },
        { login: 'mallory', type: 'User' as const },
      ];
      for (const [index, user] of forgers.entries()) {
        scenario.github.reviews.push({ body: reviewBody, commit_id: scenario.head(), user });
        for (const comment of genuine)
          scenario.github.reviewComments.push({ ...comment, id: 100 + index * 10 + (comment.id % 10), user });
      }
      const run = await scenario.run(scenario.pullRequestEvent('opened'));

      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({ result: 'posted', findings: '2' });
      const ours = scenario.github.reviewComments.filter(
        (comment) => comment.user.login === ACTIONS_BOT.login,
      );
      expect(ours.map(titleOf)).toEqual([RANGE_TITLE, RESERVE_TITLE]);
    },
    RUN_TIMEOUT * 2,
  );

  it(
    'a change to a function’s signature › the model is shown its callers in other files',
    async () => {
      scenario = await startActionScenario({ fixture: 'checkout', script: { review: () => [] } });
      const run = await scenario.run(scenario.pullRequestEvent('opened'));

      expect(run.exitCode).toBe(0);
      const prompt = scenario.model.requests[0]?.messages.map((message) => message.content).join('\n') ?? '';
      const context = prompt.slice(
        prompt.indexOf('<untrusted-data kind="context">'),
        prompt.indexOf('# The diff'),
      );
      expect(context).toContain(
        '<snippet cite="src/cart.ts:14-16" why="uses applyDiscount, whose signature this change modifies">',
      );
      expect(context).toContain(
        '<snippet cite="src/invoice.ts:11-14" why="uses applyDiscount, whose signature this change modifies">',
      );
      expect(run.summary).toContain('## Sift: No issues found');
      expect(run.outputs).toMatchObject({ result: 'posted', findings: '0' });
    },
    RUN_TIMEOUT,
  );

  it(
    'the model rejects the key › the step fails, nothing is posted, and the summary names the input to fix',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT, modelStatus: 401 });
      const run = await scenario.run(scenario.pullRequestEvent('opened'));

      expect(run.exitCode).toBe(1);
      expect(scenario.github.reviews).toEqual([]);
      expect(run.summary).toContain('## Sift: review failed; nothing was posted');
      expect(run.summary).toContain(
        `answered 401 fake model failed with 401; check the openai-api-key input (OPENAI_API_KEY)`,
      );
      expect(run.summary).toContain('**What to do:** fix the setting named above in the workflow');
      expect(run.log).toContain('::error::the review failed; the job summary says why and what to do');
      expect(run.outputs).toMatchObject({ result: 'failed', findings: '0' });
    },
    RUN_TIMEOUT,
  );
});

describe('the configuration', () => {
  it(
    'a pull request that edits .github/sift.yml to silence its own review › the base branch’s file applies',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      scenario.commitOnBothBranches(
        { '.github/sift.yml': 'maxComments: 1\n' },
        { '.github/sift.yml': 'maxComments: 1\npaths:\n  ignore: ["src/**"]\n' },
      );
      const run = await scenario.run(scenario.pullRequestEvent('opened'));

      expect(run.exitCode).toBe(0);
      // The base's maxComments: 1 holds one finding back; the head's ignore would have left nothing to review.
      expect(run.outputs).toMatchObject({ result: 'posted', findings: '1', 'held-back': '1' });
      expect(threads(scenario)).toHaveLength(1);
    },
    RUN_TIMEOUT,
  );

  it(
    'the config input › that file, read from the base branch too',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      scenario.commitOnBothBranches({ 'ci/sift.yml': 'threshold: 1\n' }, { 'ci/sift.yml': 'threshold: 0\n' });
      const run = await scenario.run(scenario.pullRequestEvent('opened'), { config: 'ci/sift.yml' });

      expect(run.exitCode).toBe(0);
      // threshold: 1 holds back every finding whose confidence is below certainty.
      expect(run.outputs).toMatchObject({ result: 'posted', findings: '0', 'held-back': '2' });
    },
    RUN_TIMEOUT,
  );
});
