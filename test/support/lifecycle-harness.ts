import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { createSift, type Sift } from '../../src/app.js';
import { createGitHubRepository } from '../../src/github/github-repository.js';
import type { SiftJob } from '../../src/jobs/sift-job.js';
import type { ModelClient } from '../../src/llm/model-client.js';
import type { SiftMetrics } from '../../src/metrics/sift-metrics.js';
import type { PlansConfig } from '../../src/plans/plan-types.js';
import type { JobJournal } from '../../src/queue/job-journal.js';
import { createBlobCache } from '../../src/repository/blob-cache.js';
import type { SiftStore } from '../../src/store/sift-store.js';
import { type FakeGitHub, startFakeGitHub } from './fake-github-server.js';
import { gitAsDeveloper, gitRepoFromFixture } from './git-repo-from-fixture.js';
import { type FakePullRequest, pullRequestFromGit } from './pull-request-from-git.js';
import { createScriptedModel, type ModelScript } from './scripted-model.js';
import { makeTempDir } from './temp-dir.js';
import { TEST_APP_ID, testPrivateKey } from './test-probot.js';

const INSTALLATION = { id: 42 };

/**
 * A pull request's whole life against Sift in one process: Probot with the app, a stateful fake
 * GitHub on 127.0.0.1 backed by a git repository made from a fixture, and a scripted model.
 * Pushes are real commits; webhooks are what GitHub would send for them.
 */
export async function startLifecycle(options: {
  fixture: 'inventory' | 'checkout';
  script: ModelScript;
  latencyMs?: number;
  now?: () => number;
  permissions?: Record<string, 'admin' | 'maintain' | 'write' | 'read'>;
  /** The repository is private (its pull requests' authors may then be allowed to command Sift). */
  private?: boolean;
  /** `.github/sift.yml` on the base branch. */
  config?: string;
  /** Let Probot's client retry failed GitHub requests, as in production (with a 1 ms back-off). */
  retryGitHub?: boolean;
  metrics?: SiftMetrics;
  /** What the installation may spend on the model per UTC day and month (the operator's settings). */
  budgets?: { installationDailyTokens?: number; installationMonthlyTokens?: number };
  /** The operator's plans (SIFT_PLANS_FILE); without them nothing is limited. */
  plans?: PlansConfig;
  /** Ask the stubbed Marketplace endpoints (SIFT_MARKETPLACE_STUBBED). */
  marketplaceStubbed?: boolean;
  /** Where Sift keeps its state and journal (the embedded database); in memory without it. */
  store?: SiftStore;
  journal?: JobJournal<SiftJob>;
  /** Keep what Sift logs at info and above (as `logs`) instead of discarding it. */
  captureLog?: boolean;
  /** Puts something between Sift and the scripted model (a call that ignores cancellation). */
  wrapModel?: (model: ModelClient) => ModelClient;
}) {
  const dir = gitRepoFromFixture(options.fixture);
  // The pull request webhooks are about: #7 (base → head) until another is opened.
  let current = {
    number: 7,
    baseRef: 'base',
    headRef: 'head',
    title: 'Reserve stock strictly',
    body: 'Tightens reserve().',
  };
  const read = () =>
    pullRequestFromGit(dir, {
      baseRef: current.baseRef,
      headRef: current.headRef,
      title: current.title,
      body: current.body,
      repo: options.fixture,
      number: current.number,
      private: options.private ?? false,
    });
  let pr: FakePullRequest = read();
  const github: FakeGitHub = await startFakeGitHub(
    pr,
    options.config !== undefined ? { config: options.config } : {},
  );
  const permissions: Record<string, 'admin' | 'maintain' | 'write' | 'read'> = options.permissions ?? {
    octocat: 'write',
  };
  for (const [user, level] of Object.entries(permissions)) github.permissions.set(user, level);
  const model = createScriptedModel(
    options.script,
    options.latencyMs ? { latencyMs: options.latencyMs } : {},
  );
  const cache = createBlobCache({
    directory: makeTempDir('sift-lifecycle-cache-'),
    maxBytes: 50 << 20,
  });
  const sift: Sift = createSift({
    model: options.wrapModel ? options.wrapModel(model) : model,
    env: { workerConcurrency: 2, ...options.budgets },
    repositoryFor: (octokit, repository) => createGitHubRepository(octokit, repository, { cache }),
    ...(options.now ? { now: options.now } : {}),
    ...(options.store ? { store: options.store } : {}),
    journal: options.journal,
    metrics: options.metrics,
    plans: options.plans,
    marketplaceStubbed: options.marketplaceStubbed,
  });
  const logs: Array<Record<string, unknown>> = [];
  const probot = new Probot({
    appId: TEST_APP_ID,
    privateKey: testPrivateKey(),
    baseUrl: github.apiUrl,
    log: options.captureLog
      ? pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) })
      : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    Octokit: ProbotOctokit.defaults((defaults: Record<string, unknown>) => ({
      ...defaults,
      retry: options.retryGitHub ? { retryAfterBaseValue: 1 } : { enabled: false },
      throttle: { ...(defaults.throttle as object | undefined), enabled: false },
    })),
  });
  await probot.load(sift.app);
  let deliveries = 0;
  const repository = { name: options.fixture, owner: { login: 'acme' }, private: options.private ?? false };

  const deliver = async (name: string, payload: Record<string, unknown>, id = `delivery-${++deliveries}`) => {
    await probot.receive({
      id,
      name,
      payload: { installation: INSTALLATION, repository, ...payload },
    } as never);
  };
  const git = (...args: string[]) => gitAsDeveloper(dir, ...args);

  return {
    dir,
    github,
    logs,
    model,
    sift,
    store: sift.store,
    pull: () => pr,
    head: () => String((pr.pull.head as { sha: string }).sha),
    idle: () => sift.onIdle(),
    deliver,
    opened: (id?: string) =>
      deliver('pull_request', { action: 'opened', number: current.number, pull_request: pr.pull }, id),
    /**
     * Opens another pull request of the same repository — a branch off `from` with `edits`
     * committed — and sends `opened`; from then on the other helpers are about it.
     */
    async openPullRequest(
      number: number,
      from: string,
      edits: Record<string, (text: string) => string>,
      title = `Pull request ${number}`,
    ) {
      const branch = `pr-${number}`;
      git('checkout', '-q', '-b', branch, from);
      for (const [path, edit] of Object.entries(edits)) {
        const file = join(dir, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, edit(existsSync(file) ? readFileSync(file, 'utf8') : ''));
      }
      git('add', '-A');
      git('commit', '-q', '-m', title);
      current = { number, baseRef: from, headRef: branch, title, body: '' };
      pr = read();
      github.updatePullRequest(pr);
      await deliver('pull_request', { action: 'opened', number, pull_request: pr.pull });
    },
    /** Commits an edit of one file on the branch (or, with `force`, rewrites the last commit) and sends `synchronize`. */
    async push(
      path: string,
      edit: (text: string) => string,
      pushOptions: { force?: boolean; deliver?: boolean } = {},
    ) {
      writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), 'utf8')));
      git('add', '-A');
      if (pushOptions.force) git('commit', '-q', '--amend', '-m', 'Rewritten');
      else git('commit', '-q', '-m', `Edit ${path}`);
      pr = read();
      github.updatePullRequest(pr);
      if (pushOptions.deliver !== false)
        await deliver('pull_request', {
          action: 'synchronize',
          number: current.number,
          pull_request: pr.pull,
        });
    },
    /** Merges more work into the base branch and then the base into the pull request's branch. */
    async mergeBase(path: string, text: string) {
      git('checkout', '-q', current.baseRef);
      writeFileSync(join(dir, path), text);
      git('add', '-A');
      git('commit', '-q', '-m', `Base: add ${path}`);
      git('checkout', '-q', current.headRef);
      git('merge', '-q', '--no-edit', current.baseRef);
      pr = read();
      github.updatePullRequest(pr);
      await deliver('pull_request', { action: 'synchronize', number: current.number, pull_request: pr.pull });
    },
    comment: (body: string, user = 'octocat', state: 'open' | 'closed' = 'open') =>
      deliver('issue_comment', {
        action: 'created',
        issue: {
          number: current.number,
          state,
          user: { login: 'octocat' },
          pull_request: { merged_at: null },
        },
        comment: { id: 5000 + deliveries, body, user: { login: user, type: 'User' } },
      }),
    /** A person's reply in a review thread: stored by the fake GitHub, then its webhook delivered. */
    async reply(rootId: number, body: string, user = 'octocat') {
      const reply = github.addReply(rootId, body, user);
      await deliver('pull_request_review_comment', {
        action: 'created',
        pull_request: pr.pull,
        comment: { id: reply.id, in_reply_to_id: rootId, body, user: { login: user, type: 'User' } },
      });
      return reply;
    },
    close: (merged: boolean) =>
      deliver('pull_request', {
        action: 'closed',
        number: current.number,
        pull_request: { ...pr.pull, state: 'closed', merged },
      }),
    stop: () => github.close(),
  };
}
