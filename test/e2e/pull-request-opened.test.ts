import nock from 'nock';
import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSift, type Sift } from '../../src/app.js';
import { jsonFixture } from '../support/fixtures.js';
import {
  type GitHubRequests,
  nockCreateCheckRun,
  nockCreateReview,
  nockInstallationToken,
  nockListCommits,
  nockListFiles,
  nockPullRequest,
  nockRepoConfig,
  nockSiftHistory,
  nockUpdateCheckRun,
  recordGitHubRequests,
} from '../support/github-nock.js';
import { createTestModelClient, type ModelRequests, nockModelFailure } from '../support/model-nock.js';
import { nockScriptedModel } from '../support/scripted-model.js';
import { createTestProbot } from '../support/test-probot.js';

const opened = () => jsonFixture<Record<string, unknown>>('github/inventory/pull_request.opened.json');

/** Replaces what varies between runs (timestamps) so snapshots hold only what Sift decided. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/"(started_at|completed_at)":"[^"]+"/g, '"$1":"<time>"'));
}

/** The GitHub calls every review of the inventory fixture makes up to the model call. */
function nockReviewStart(requests: GitHubRequests, config: string | null = null) {
  nockInstallationToken();
  nockSiftHistory();
  nockCreateCheckRun(requests);
  nockRepoConfig(config);
  nockPullRequest({ fixture: 'inventory' });
  nockListFiles({ fixture: 'inventory' });
  nockListCommits({ fixture: 'inventory' });
}

function finding(overrides: Record<string, unknown>) {
  return {
    startLineId: 'F3:R6',
    endLineId: 'F3:R6',
    category: 'bug',
    severity: 'major',
    title: 'A finding',
    body: 'It fails.',
    evidence: [],
    suggestion: null,
    ...overrides,
  };
}

describe('pull_request.opened', () => {
  let sift: Sift;
  let probot: Probot;
  let github: GitHubRequests;
  let modelRequests: ModelRequests;

  beforeEach(async () => {
    sift = createSift({ model: createTestModelClient(), env: { workerConcurrency: 1 } });
    probot = await createTestProbot(sift);
    github = recordGitHubRequests();
    modelRequests = [];
  });

  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
  });

  async function deliver(payload = opened()) {
    await probot.receive({ id: 'delivery-1', name: 'pull_request', payload } as never);
    await sift.onIdle();
  }

  describe('when the model reports findings', () => {
    it('posts one review with inline comments on added, deleted and renamed-file lines, and the rest in the summary', async () => {
      nockReviewStart(github);
      nockScriptedModel(
        {
          review: () => [
            finding({
              title: 'reserve() now refuses to sell the last units in stock',
              body: 'With `available === count` the new `<=` returns false, so an order for exactly the remaining stock is rejected.',
              evidence: ['F3:R6'],
              suggestion: '  if (available < count) return false;',
            }),
            finding({
              startLineId: 'F3:L12',
              endLineId: 'F3:L15',
              category: 'api-contract',
              title: 'release() is removed while it is part of the public API',
              body: 'Callers that return stock on cancellation will fail to compile.',
            }),
            finding({
              startLineId: 'F1:R10',
              endLineId: 'F1:R10',
              severity: 'minor',
              title: 'formatRange prints reversed ranges when low > high',
              body: 'Nothing orders the two amounts.',
            }),
            finding({
              startLineId: 'F3:R6',
              endLineId: 'F3:R21',
              severity: 'minor',
              title: 'Stock rules changed without a migration note',
              body: 'Spans both hunks of the file.',
            }),
            finding({ startLineId: 'F3:R40', endLineId: 'F3:R40', title: 'Points below the diff' }),
            finding({
              startLineId: 'F9:R1',
              endLineId: 'F9:R1',
              title: 'Points at a file that does not exist',
            }),
            finding({
              startLineId: 'F3:R21',
              endLineId: 'F3:R21',
              category: 'style',
              title: 'Prefer toSorted',
            }),
          ],
        },
        5, // four review passes and one verifier call
        modelRequests,
      );
      nockCreateReview(github);
      nockUpdateCheckRun(github);

      await deliver();

      expect(github.reviews).toHaveLength(1);
      expect(github.reviews[0]).toMatchInlineSnapshot(`
        {
          "body": "<!-- sift:review {"head":"60c8b975d5898e70e1416c00031e7c02f2365bdb","job":"delivery-1"} -->
        Sift reviewed 3 files at 60c8b97 and found 4 issues worth your attention.

        These span more than one part of the diff, so they are listed here rather than inline:

        - **Stock rules changed without a migration note** <sub>bug · minor</sub> — [src/stock.ts lines 6–21](https://github.com/acme/inventory/blob/60c8b975d5898e70e1416c00031e7c02f2365bdb/src/stock.ts#L6-L21)
          Spans both hunks of the file.",
          "comments": [
            {
              "body": "**reserve() now refuses to sell the last units in stock** <sub>bug · major · confidence 0.97</sub>

        With \`available === count\` the new \`<=\` returns false, so an order for exactly the remaining stock is rejected.

        Evidence: \`src/stock.ts:6\`, \`src/format/price.ts:1\`

        \`\`\`suggestion
          if (available < count) return false;
        \`\`\`

        <!-- sift:finding {"fingerprint":"e422eda7cc9dcc4b","span":"746149a8696bae2e","lines":1,"category":"bug","severity":"major","side":"RIGHT"} -->",
              "line": 6,
              "path": "src/stock.ts",
              "side": "RIGHT",
            },
            {
              "body": "**release() is removed while it is part of the public API** <sub>api-contract · major · confidence 0.97</sub>

        Callers that return stock on cancellation will fail to compile.

        Evidence: \`src/format/price.ts:1\`

        <!-- sift:finding {"fingerprint":"e7627ed8780839e2","span":"bba4ebd492516943","lines":4,"category":"api-contract","severity":"major","side":"LEFT"} -->",
              "line": 15,
              "path": "src/stock.ts",
              "side": "LEFT",
              "start_line": 12,
              "start_side": "LEFT",
            },
            {
              "body": "**formatRange prints reversed ranges when low > high** <sub>bug · minor · confidence 0.94</sub>

        Nothing orders the two amounts.

        Evidence: \`src/format/price.ts:1\`

        <!-- sift:finding {"fingerprint":"b96e440da368f383","span":"29c4df4297576b18","lines":1,"category":"bug","severity":"minor","side":"RIGHT"} -->",
              "line": 10,
              "path": "src/format/price.ts",
              "side": "RIGHT",
            },
          ],
          "commit_id": "60c8b975d5898e70e1416c00031e7c02f2365bdb",
          "event": "COMMENT",
        }
      `);
      expect(normalise(github.checkRuns.at(-1))).toMatchInlineSnapshot(`
        {
          "body": {
            "completed_at": "<time>",
            "conclusion": "neutral",
            "output": {
              "summary": "Reviewed commit \`60c8b97\`: the whole pull request.

        | | |
        |---|---|
        | Files reviewed | 3 of 6 changed |
        | Findings posted | 3 inline, 1 in the review summary |
        | Findings held back | 2 pointed at lines that are not in the diff; 1 in a category this repository does not enable |
        | Cross-file context | off |
        | Review passes | 4 of 4 answered; findings verified |
        | Model usage | 5 calls, 6,000 prompt tokens (0 cached), 750 completion tokens |

        **Not reviewed (3):**

        - \`assets/logo.png\` — binary file
        - \`docs/index.md\` — no changed lines (rename, mode change or empty file)
        - \`package-lock.json\` — lockfile

        2 findings pointed at lines that are not in this diff and were left out. Use **Re-run** to review again.",
              "title": "4 findings posted, 3 held back",
            },
            "status": "completed",
          },
          "method": "update",
        }
      `);
    });

    it('shows the model the diff with line ids and the pull request fenced as data', async () => {
      nockReviewStart(github);
      nockScriptedModel({ review: () => [] }, 4, modelRequests);
      nockCreateReview(github);
      nockUpdateCheckRun(github);

      await deliver();

      const [request] = modelRequests;
      const prompt = request?.messages.map((message) => message.content).join('\n') ?? '';
      expect(request?.messages.map((message) => message.role)).toEqual(['system', 'user', 'user']);
      expect(prompt).toContain('<untrusted-data kind="pull-request">\nTitle: Reserve stock strictly');
      expect(prompt).toContain('F3:R6  |+  if (available <= count) return false;');
      expect(prompt).toContain('F3:L12 |-export function release(');
      expect(prompt).toContain(
        '<file id="F1" path="src/format/price.ts" status="renamed" previous_path="src/util/format.ts">',
      );
      expect(prompt).not.toContain('logo.png');
      expect(prompt).not.toContain('lockfileVersion');
    });
  });

  describe('when the model finds nothing', () => {
    it('says so in one review and a successful check run', async () => {
      nockReviewStart(github);
      nockScriptedModel({ review: () => [] }, 4);
      nockCreateReview(github);
      nockUpdateCheckRun(github);

      await deliver();

      expect(github.reviews.map((review) => [review.body, review.comments])).toMatchInlineSnapshot(`
        [
          [
            "<!-- sift:review {"head":"60c8b975d5898e70e1416c00031e7c02f2365bdb","job":"delivery-1"} -->
        Sift reviewed 3 files at 60c8b97 and found nothing worth a comment.",
            [],
          ],
        ]
      `);
      expect(github.checkRuns.at(-1)?.body).toMatchObject({
        conclusion: 'success',
        output: { title: 'No issues found' },
      });
    });
  });

  describe('when a model call fails and its retry answers', () => {
    it('counts every call on the check run, the failed one included', async () => {
      nockReviewStart(github);
      nockModelFailure(503);
      nockScriptedModel({ review: () => [] }, 4);
      nockCreateReview(github);
      nockUpdateCheckRun(github);

      await deliver();

      const completed = github.checkRuns.at(-1)?.body as { output?: { summary?: string } } | undefined;
      expect(completed?.output?.summary).toContain(
        '| Model usage | 5 calls (1 failed), 4,800 prompt tokens (0 cached), 600 completion tokens |',
      );
    });
  });

  describe('when every finding points outside the diff', () => {
    it('posts no inline comment and says on a neutral check run that they could not be placed', async () => {
      nockReviewStart(github);
      nockScriptedModel(
        {
          review: () => [
            finding({ startLineId: 'F3:R40', endLineId: 'F3:R40' }),
            finding({ startLineId: 'src/stock.ts:6', endLineId: 'src/stock.ts:6' }),
          ],
        },
        4,
      );
      nockCreateReview(github);
      nockUpdateCheckRun(github);

      await deliver();

      expect(github.reviews[0]?.comments).toEqual([]);
      expect(github.checkRuns.at(-1)?.body).toMatchObject({
        conclusion: 'neutral',
        output: {
          title: '2 findings could not be placed on the diff',
          summary: expect.stringContaining('2 findings pointed at lines that are not in this diff'),
        },
      });
    });
  });

  describe('when a finding ends outside its hunk', () => {
    it('posts it on its start line', async () => {
      nockReviewStart(github);
      nockScriptedModel({ review: () => [finding({ startLineId: 'F3:R6', endLineId: 'F1:R10' })] }, 4);
      nockCreateReview(github);
      nockUpdateCheckRun(github);

      await deliver();

      expect(github.reviews[0]?.comments).toEqual([
        expect.objectContaining({ path: 'src/stock.ts', line: 6, side: 'RIGHT' }),
      ]);
    });
  });

  describe('with an invalid .github/sift.yml', () => {
    it('reviews with the defaults for the bad keys and names each key and line on the check run', async () => {
      const yaml = [
        'maxComments: lots',
        'categories: [bug, security]',
        'autoReview:',
        '  drafts: true',
        '  nightly: true',
        '',
      ].join('\n');
      nockReviewStart(github, yaml);
      nockRepoConfig(yaml); // fetched once more, only to find the lines of the bad keys
      nockScriptedModel(
        { review: () => [finding({ category: 'performance', title: 'Not enabled by this config' })] },
        4,
      );
      nockCreateReview(github);
      nockUpdateCheckRun(github);

      await deliver();

      expect(github.reviews[0]?.comments).toEqual([]);
      const summary = String(
        (github.checkRuns.at(-1)?.body.output as { summary?: string } | undefined)?.summary,
      );
      expect(summary.slice(summary.indexOf('**Configuration problems**'))).toMatchInlineSnapshot(`
        "**Configuration problems** (the defaults apply to these keys):

        - \`maxComments\`: expected number, received string (acme/inventory:.github/sift.yml, line 1)
        - \`autoReview.nightly\`: is not a Sift setting (check the spelling) (acme/inventory:.github/sift.yml, line 5)"
      `);
    });
  });

  describe('for a draft pull request', () => {
    it('asks no model and marks the check run skipped with the setting that controls it', async () => {
      const payload = opened();
      (payload.pull_request as Record<string, unknown>).draft = true;
      nockInstallationToken();
      nockSiftHistory();
      nockCreateCheckRun(github);
      nockRepoConfig(null);
      nockPullRequest({ fixture: 'inventory', patch: (pull) => Object.assign(pull, { draft: true }) });
      nockListFiles({ fixture: 'inventory' });
      nockListCommits({ fixture: 'inventory' });
      nockUpdateCheckRun(github);

      await deliver(payload);

      expect(github.reviews).toEqual([]);
      expect(normalise(github.checkRuns.at(-1)?.body)).toMatchInlineSnapshot(`
        {
          "completed_at": "<time>",
          "conclusion": "skipped",
          "output": {
            "summary": "Draft pull requests are not reviewed (\`autoReview.drafts: false\`). Sift reviews it when it is marked ready for review.",
            "title": "Not reviewed",
          },
          "status": "completed",
        }
      `);
    });
  });

  describe('when the model is down', () => {
    it('posts nothing and fails the check run with how to re-run it', async () => {
      nockReviewStart(github);
      nockModelFailure(503, 12); // four passes, three attempts each
      nockUpdateCheckRun(github);

      await deliver();

      expect(github.reviews).toEqual([]);
      expect(normalise(github.checkRuns)).toMatchInlineSnapshot(`
        [
          {
            "body": {
              "head_sha": "60c8b975d5898e70e1416c00031e7c02f2365bdb",
              "name": "Sift",
              "output": {
                "summary": "Sift is reviewing this change.",
                "title": "Reviewing…",
              },
              "started_at": "<time>",
              "status": "in_progress",
            },
            "method": "create",
          },
          {
            "body": {
              "completed_at": "<time>",
              "conclusion": "failure",
              "output": {
                "summary": "Sift could not finish reviewing commit \`60c8b97\`. The model provider is unavailable (server error or connection failure).

        Nothing was posted on the pull request. To try again, use **Re-run** on this check, or push a new commit.",
                "title": "Review failed; nothing was posted",
              },
              "status": "completed",
            },
            "method": "update",
          },
        ]
      `);
    });
  });
});
