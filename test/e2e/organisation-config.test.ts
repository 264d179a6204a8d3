import pino from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { createSift, type Sift } from '../../src/app.js';
import { createGitHubRepository } from '../../src/github/github-repository.js';
import { createBlobCache } from '../../src/repository/blob-cache.js';
import { type FakeOrganisation, startFakeOrganisation } from '../support/fake-github-organisation.js';
import { gitRepoFromFixture } from '../support/git-repo-from-fixture.js';
import { type FakePullRequest, pullRequestFromGit } from '../support/pull-request-from-git.js';
import { createScriptedModel } from '../support/scripted-model.js';
import { makeTempDir } from '../support/temp-dir.js';
import { TEST_APP_ID, testPrivateKey } from '../support/test-probot.js';
import { INVENTORY_SCRIPT } from './lifecycle/script.js';

// The organisation's defaults, in its `.github` repository: every repository without a file of its own gets them.
const ORGANISATION_CONFIG = `threshold: 0.6
instructions: We never log customer email addresses.
paths:
  ignore: ["src/format/**"]
`;
// A repository that keeps the organisation's settings (\`_extends\`) and reviews every path.
const WAREHOUSE_CONFIG = `_extends: .github
paths:
  ignore: []
`;
/** One installation for the whole organisation: every repository's webhooks carry it. */
const INSTALLATION = { id: 42 };

function pullRequestIn(repo: string): FakePullRequest {
  return pullRequestFromGit(gitRepoFromFixture('inventory'), {
    baseRef: 'base',
    headRef: 'head',
    title: `Reserve stock strictly in ${repo}`,
    body: '',
    owner: 'acme',
    repo,
    number: 7,
  });
}

describe('an organisation-wide installation with defaults in the organisation’s .github repository', () => {
  let organisation: FakeOrganisation | undefined;
  let sift: Sift | undefined;

  afterEach(async () => {
    await sift?.close();
    await organisation?.close();
    sift = undefined;
    organisation = undefined;
  });

  it('a repository without a file gets the defaults, one with a file overrides one setting; /review config names each source', async () => {
    const inventory = pullRequestIn('inventory');
    const warehouse = pullRequestIn('warehouse');
    organisation = await startFakeOrganisation({
      owner: 'acme',
      orgConfig: ORGANISATION_CONFIG,
      repositories: [{ pr: inventory }, { pr: warehouse, config: WAREHOUSE_CONFIG }],
    });
    const model = createScriptedModel(INVENTORY_SCRIPT);
    sift = createSift({
      model,
      env: { workerConcurrency: 2 },
      repositoryFor: (octokit, repository) =>
        createGitHubRepository(octokit, repository, {
          cache: createBlobCache({ directory: makeTempDir('sift-org-cache-'), maxBytes: 50 << 20 }),
        }),
    });
    const probot = new Probot({
      appId: TEST_APP_ID,
      privateKey: testPrivateKey(),
      baseUrl: organisation.apiUrl,
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      Octokit: ProbotOctokit.defaults((defaults: Record<string, unknown>) => ({
        ...defaults,
        retry: { enabled: false },
        throttle: { ...(defaults.throttle as object | undefined), enabled: false },
      })),
    });
    await probot.load(sift.app);
    let deliveries = 0;
    const deliver = (pr: FakePullRequest, name: string, payload: Record<string, unknown>) =>
      probot.receive({
        id: `delivery-${++deliveries}`,
        name,
        payload: {
          installation: INSTALLATION,
          repository: { name: pr.repo, owner: { login: 'acme' }, private: false },
          ...payload,
        },
      } as never);
    const open = (pr: FakePullRequest) =>
      deliver(pr, 'pull_request', { action: 'opened', number: 7, pull_request: pr.pull });
    const askForConfig = (pr: FakePullRequest) =>
      deliver(pr, 'issue_comment', {
        action: 'created',
        issue: { number: 7, state: 'open', user: { login: 'octocat' }, pull_request: { merged_at: null } },
        comment: { id: 5000 + deliveries, body: '/review config', user: { login: 'octocat', type: 'User' } },
      });
    for (const pr of [inventory, warehouse])
      organisation.repository(pr.repo).permissions.set('octocat', 'write');

    await open(inventory);
    await sift.onIdle();
    const inventoryPrompts = model.requests.splice(0).map(promptOf);
    await open(warehouse);
    await sift.onIdle();
    const warehousePrompts = model.requests.splice(0).map(promptOf);
    await askForConfig(inventory);
    await askForConfig(warehouse);
    await sift.onIdle();

    // inventory: no file of its own, so the organisation's paths.ignore keeps src/format out.
    const inventoryGitHub = organisation.repository('inventory');
    expect(inventoryGitHub.reviews).toHaveLength(1);
    expect(inventoryGitHub.reviewComments.map((comment) => comment.path)).toEqual(['src/stock.ts']);
    expect(inventoryGitHub.lastCheckRunSummary()).toContain(
      '`src/format/price.ts` — matches paths.ignore in .github/sift.yml',
    );
    expect(inventoryPrompts.some((prompt) => prompt.includes('path="src/format/price.ts"'))).toBe(false);
    // warehouse: its own paths.ignore wins, so both files are reviewed.
    const warehouseGitHub = organisation.repository('warehouse');
    expect(warehouseGitHub.reviews).toHaveLength(1);
    expect(warehouseGitHub.reviewComments.map((comment) => comment.path).sort()).toEqual([
      'src/format/price.ts',
      'src/stock.ts',
    ]);
    // Both get the organisation's house rules.
    for (const prompts of [inventoryPrompts, warehousePrompts]) {
      expect(prompts.length).toBeGreaterThan(0);
      for (const prompt of prompts) expect(prompt).toContain('We never log customer email addresses.');
    }

    const organisationFile = 'organisation (acme/.github:.github/sift.yml)';
    expect(configRows(inventoryGitHub)).toEqual(
      expect.arrayContaining([
        `| \`threshold\` | \`0.6\` | ${organisationFile} |`,
        `| \`instructions\` | \`"We never log customer email addresses."\` | ${organisationFile} |`,
        `| \`paths.ignore\` | \`["src/format/**"]\` | ${organisationFile} |`,
        '| `maxComments` | `5` | default |',
      ]),
    );
    expect(configRows(warehouseGitHub)).toEqual(
      expect.arrayContaining([
        `| \`threshold\` | \`0.6\` | ${organisationFile} |`,
        `| \`instructions\` | \`"We never log customer email addresses."\` | ${organisationFile} |`,
        '| `paths.ignore` | `[]` | repository (acme/warehouse:.github/sift.yml) |',
        '| `maxComments` | `5` | default |',
      ]),
    );
    expect(organisation.unexpected).toEqual([]);
    expect(organisation.requests.map((request) => request.path)).toContain(
      '/api/v3/repos/acme/.github/contents/.github%2Fsift.yml',
    );
  });
});

function promptOf(request: { messages: ReadonlyArray<{ content: string }> }): string {
  return request.messages.map((message) => message.content).join('\n');
}

/** The table rows of the `/review config` answer on a repository's pull request. */
function configRows(github: { issueComments: ReadonlyArray<{ body: string }> }): string[] {
  const answer = github.issueComments.find((comment) =>
    comment.body.includes('Sift configuration in effect'),
  );
  return (answer?.body ?? '').split('\n').filter((line) => line.startsWith('| `'));
}
