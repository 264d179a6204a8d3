import { afterEach, describe, expect, it } from 'vitest';
import { cloneEvalBundle, HAS_EVAL_CASES, readEvalCase } from '../support/eval-cases.js';
import type { FakeGitHub } from '../support/fake-github-server.js';
import type { ChatRequest } from '../support/fake-model-server.js';
import { fileIdsInPrompt } from '../support/fake-model-server.js';
import { commitEdit, gitRepoFromFixture } from '../support/git-repo-from-fixture.js';
import { openedPayload } from '../support/inventory-pull-request.js';
import { type FakePullRequest, pullRequestFromGit } from '../support/pull-request-from-git.js';
import {
  runServerScenario,
  SERVER_TEST_TIMEOUT_MS,
  type ServerScenario,
} from '../support/run-server-scenario.js';
import { finding, scriptedAnswer } from '../support/scripted-model.js';
import { INVENTORY_SCRIPT } from './lifecycle/script.js';

interface Location {
  path: string;
  start_line: number;
  end_line: number;
}

/**
 * A model whose every review pass reports each expected location as a finding, plus one that
 * points outside the diff; its verifier confirms what it is shown.
 */
function answerWith(locations: readonly Location[]) {
  return (request: ChatRequest) =>
    scriptedAnswer({ review: () => findingsAt(locations, fileIdsInPrompt(request)) }, request.messages);
}

function findingsAt(locations: readonly Location[], ids: Map<string, string>) {
  const findings = locations.map((location, index) =>
    finding({
      startLineId: `${ids.get(location.path)}:R${location.start_line}`,
      endLineId: `${ids.get(location.path)}:R${location.end_line}`,
      title: `Finding ${index + 1}`,
      body: 'The changed code fails for some input.',
    }),
  );
  return [
    ...findings,
    finding({ startLineId: 'F1:R99999', endLineId: 'F1:R99999', title: 'Outside the diff' }),
  ];
}

/** Every inline comment on a line the fake GitHub accepted (it answers 422 otherwise, like GitHub). */
function expectOneValidReview(scenario: ServerScenario, pr: FakePullRequest) {
  expect(scenario.github.reviews).toHaveLength(1);
  const review = scenario.github.reviews[0] as { event: string; commit_id: string; comments: unknown[] };
  expect(review.event).toBe('COMMENT');
  expect(review.commit_id).toBe((pr.pull.head as { sha: string }).sha);
  expect(review.comments.length).toBeGreaterThan(0);
  const completed = scenario.github.checkRuns.filter((run) => run.body.status === 'completed');
  expect(completed).toHaveLength(1);
  expect(completed[0]?.body.conclusion).toBe('neutral');
  expect(scenario.github.unexpected).toEqual([]);
}

/**
 * What a GitHub Enterprise Server serves and where: REST under /api/v3 (installation tokens asked
 * with the app's JWT, everything else with the installation token) and GraphQL at /api/graphql.
 * A request anywhere else — github.com's paths, /api/v3/graphql — is one GHES would not answer.
 */
function expectEnterpriseServerPaths(github: FakeGitHub) {
  const paths = github.requests.map((request) => request.path);
  expect(paths.filter((path) => !path.startsWith('/api/v3/') && path !== '/api/graphql')).toEqual([]);
  const called = github.requests.map((request) => `${request.method} ${request.path.replace(/\?.*$/, '')}`);
  expect(called).toEqual(
    expect.arrayContaining([
      'POST /api/v3/app/installations/42/access_tokens',
      'GET /api/v3/repos/acme/inventory/pulls/7',
      'POST /api/graphql',
      'POST /api/v3/repos/acme/inventory/pulls/7/reviews',
      'POST /api/v3/repos/acme/inventory/check-runs',
    ]),
  );
  for (const request of github.requests) {
    const appLevel = request.path.startsWith('/api/v3/app');
    expect(request.authorization, `${request.method} ${request.path}`).toMatch(
      appLevel ? /^bearer ey/ : /^token ghs_fake$/,
    );
  }
}

describe('npm start with GitHub and the model on loopback', { timeout: SERVER_TEST_TIMEOUT_MS }, () => {
  let scenario: ServerScenario | undefined;

  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it('GitHub Enterprise Server (GHE_HOST) › a signed pull_request.opened webhook becomes one review on valid diff lines and a completed check run, through /api/v3 and /api/graphql only', async () => {
    const pr = pullRequestFromGit(gitRepoFromFixture('inventory'), {
      baseRef: 'base',
      headRef: 'head',
      title: 'Reserve stock strictly',
      body: 'Tightens reserve().',
      repo: 'inventory',
      number: 7,
    });
    scenario = await runServerScenario(
      pr,
      answerWith([{ path: 'src/stock.ts', start_line: 6, end_line: 6 }]),
    );

    expect(await scenario.deliver('pull_request', openedPayload(pr))).toBe(200);
    await scenario.waitForCompletedCheckRuns(1);

    expectOneValidReview(scenario, pr);
    expect(scenario.model.requests).toHaveLength(5); // four review passes and the verifier
    expectEnterpriseServerPaths(scenario.github);
  });

  it('refuses a webhook signed with another secret and does no work for it', async () => {
    const pr = pullRequestFromGit(gitRepoFromFixture('inventory'), {
      baseRef: 'base',
      headRef: 'head',
      title: 't',
      body: '',
    });
    scenario = await runServerScenario(pr, answerWith([]));

    const status = await scenario.deliver('pull_request', openedPayload(pr), { secret: 'not-the-secret' });

    expect(status).toBeGreaterThanOrEqual(400);
    expect(scenario.github.requests).toEqual([]);
    expect(scenario.model.requests).toEqual([]);
  });

  it.runIf(HAS_EVAL_CASES)('reviews a real pull request from the eval cases end to end', async () => {
    const evalCase = readEvalCase('typescript__immer__each-callback-order');
    const pr = pullRequestFromGit(cloneEvalBundle(evalCase.id), {
      baseRef: 'origin/base',
      headRef: 'origin/head',
      title: evalCase.caseJson.title,
      body: evalCase.caseJson.description,
      repo: 'immer',
      number: 12,
    });
    scenario = await runServerScenario(pr, answerWith(evalCase.caseJson.expected as Location[]));

    expect(await scenario.deliver('pull_request', openedPayload(pr))).toBe(200);
    await scenario.waitForCompletedCheckRuns(1);

    expectOneValidReview(scenario, pr);
  });
});

describe('npm start through a pull request’s life', { timeout: SERVER_TEST_TIMEOUT_MS }, () => {
  let scenario: ServerScenario | undefined;

  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it('the same opened webhook twice, then a push that fixes one finding › one review, no duplicate, the fixed thread resolved', async () => {
    const dir = gitRepoFromFixture('inventory');
    const read = () =>
      pullRequestFromGit(dir, {
        baseRef: 'base',
        headRef: 'head',
        title: 't',
        body: '',
        repo: 'inventory',
        number: 7,
      });
    let pr = read();
    scenario = await runServerScenario(pr, (request) => scriptedAnswer(INVENTORY_SCRIPT, request.messages));
    const github = scenario.github;

    await scenario.deliver('pull_request', openedPayload(pr), { deliveryId: 'same' });
    await scenario.deliver('pull_request', openedPayload(pr), { deliveryId: 'same' });
    await scenario.waitForCompletedCheckRuns(1);

    commitEdit(
      dir,
      'src/stock.ts',
      (text) => text.replace('available <= count', 'available < count'),
      'Fix reserve',
    );
    pr = read();
    github.updatePullRequest(pr);
    await scenario.deliver('pull_request', { ...openedPayload(pr), action: 'synchronize' });
    await scenario.waitForCompletedCheckRuns(2);

    const threads = github.reviewComments.filter((comment) => comment.in_reply_to_id === null);
    expect(github.reviews).toHaveLength(1);
    expect(threads.map((comment) => [comment.path, comment.resolved])).toEqual([
      ['src/format/price.ts', false],
      ['src/stock.ts', true],
    ]);
    expect(github.unexpected).toEqual([]);
  });
});
