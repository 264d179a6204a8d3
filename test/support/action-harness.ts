import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ACTION_INPUTS } from '../../src/config/action-inputs.js';
import { type FakeGitHub, startFakeGitHub } from './fake-github-server.js';
import { type FakeModel, startFakeModel } from './fake-model-server.js';
import { gitAsDeveloper, gitRepoFromFixture } from './git-repo-from-fixture.js';
import { type FakePullRequest, pullRequestFromGit } from './pull-request-from-git.js';
import { MODEL_KEY, runBundledAction } from './run-bundled-action.js';
import { type ModelScript, scriptedAnswer } from './scripted-model.js';

/** The account a workflow's GITHUB_TOKEN posts as. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' as const };

type Inputs = Partial<Record<keyof typeof ACTION_INPUTS, string>>;

/**
 * A pull request's life under the bundled Action: a fake GitHub Enterprise Server on 127.0.0.1
 * serving a git repository made from a fixture, where the workflow's token posts as
 * `github-actions[bot]`; an OpenAI-compatible fake model answering from a script; and each
 * workflow run a `node dist-action/index.js` process given the event GitHub would send.
 */
export async function startActionScenario(options: {
  fixture: 'inventory' | 'checkout';
  script: ModelScript;
  permissions?: Record<string, 'admin' | 'maintain' | 'write' | 'read'>;
  /** `.github/sift.yml` on the base branch. */
  config?: string;
  /** The model answers every request with this HTTP status instead. */
  modelStatus?: number;
  /** The model takes this long to answer each request. */
  modelLatencyMs?: number;
}) {
  const dir = gitRepoFromFixture(options.fixture);
  const read = () =>
    pullRequestFromGit(dir, {
      baseRef: 'base',
      headRef: 'head',
      title: 'Reserve stock strictly',
      body: 'Tightens reserve().',
      repo: options.fixture,
      number: 7,
    });
  let pr: FakePullRequest = read();
  const github: FakeGitHub = await startFakeGitHub(pr, {
    bot: ACTIONS_BOT,
    ...(options.config !== undefined ? { config: options.config } : {}),
  });
  const permissions = options.permissions ?? { octocat: 'write' };
  for (const [user, level] of Object.entries(permissions)) github.permissions.set(user, level);
  const model: FakeModel = await startFakeModel(async (request) => {
    if (options.modelLatencyMs) await new Promise((resolve) => setTimeout(resolve, options.modelLatencyMs));
    return options.modelStatus
      ? { status: options.modelStatus }
      : scriptedAnswer(options.script, request.messages);
  });
  const repository = {
    name: options.fixture,
    full_name: `acme/${options.fixture}`,
    owner: { login: 'acme' },
    private: false,
  };

  return {
    dir,
    github,
    model,
    head: () => String((pr.pull.head as { sha: string }).sha),
    /** `pull_request` (or `pull_request_target`) as GitHub writes it to GITHUB_EVENT_PATH. */
    pullRequestEvent: (action: string, pull: Record<string, unknown> = pr.pull, name = 'pull_request') => ({
      name,
      payload: { action, number: 7, pull_request: pull, repository, sender: { login: 'octocat' } },
    }),
    /** A comment on the pull request, as `issue_comment` sends it. */
    commentEvent: (body: string, user = 'octocat') => ({
      name: 'issue_comment',
      payload: {
        action: 'created',
        issue: { number: 7, state: 'open', user: { login: 'octocat' }, pull_request: { merged_at: null } },
        comment: { id: 5001, body, user: { login: user, type: 'User' } },
        repository,
      },
    }),
    /** The pull request as a fork (`someone/<repo>`) opened it. */
    fromFork: () => ({
      ...pr.pull,
      head: {
        ...(pr.pull.head as Record<string, unknown>),
        repo: { full_name: `someone/${options.fixture}`, fork: true },
      },
    }),
    /** One workflow run of the bundled Action; the model inputs point at the fake model. */
    run: (
      event: { name: string; payload: unknown },
      inputs: Inputs = {},
      onStart?: Parameters<typeof runBundledAction>[0]['onStart'],
    ) =>
      runBundledAction({
        event,
        apiUrl: github.apiUrl,
        repository: `acme/${options.fixture}`,
        inputs: { 'openai-api-key': MODEL_KEY, 'openai-base-url': model.baseUrl, ...inputs },
        ...(onStart ? { onStart } : {}),
      }),
    /** Commits edits on the pull request's branch: GitHub then shows the new head. */
    push(edits: Record<string, (text: string) => string>) {
      for (const [path, edit] of Object.entries(edits))
        writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), 'utf8')));
      gitAsDeveloper(dir, 'commit', '-qam', `Edit ${Object.keys(edits).join(', ')}`);
      pr = read();
      github.updatePullRequest(pr);
    },
    /**
     * Commits files on the base branch (which GitHub names `main`), merges it into the pull
     * request's branch, then commits `head`'s versions there: a pull request that edits them.
     */
    commitOnBothBranches(base: Record<string, string>, head: Record<string, string>) {
      const write = (files: Record<string, string>, message: string) => {
        for (const [path, text] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), text);
        }
        gitAsDeveloper(dir, 'add', '-A');
        gitAsDeveloper(dir, 'commit', '-qm', message);
      };
      gitAsDeveloper(dir, 'checkout', '-q', 'base');
      write(base, 'Base: configure Sift');
      gitAsDeveloper(dir, 'branch', '-f', 'main', 'base');
      gitAsDeveloper(dir, 'checkout', '-q', 'head');
      gitAsDeveloper(dir, 'merge', '-q', '--no-edit', 'base');
      write(head, 'Reconfigure Sift');
      pr = read();
      github.updatePullRequest(pr);
    },
    stop: async () => {
      await github.close();
      await model.close();
    },
  };
}
