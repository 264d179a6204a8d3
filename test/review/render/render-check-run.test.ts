import { describe, expect, it } from 'vitest';
import type { LocatedConfigProblem } from '../../../src/config/loaded-repo-config.js';
import type { DiffFile } from '../../../src/diff/types.js';
import { NO_USAGE } from '../../../src/llm/usage.js';
import { renderCheckRun } from '../../../src/review/render/render-check-run.js';
import type { Finding, ReviewFile, ReviewOutcome } from '../../../src/review/types.js';

const file = (path: string): DiffFile => ({
  path,
  previousPath: null,
  status: 'modified',
  patchState: 'present',
  hunks: [],
  additions: 3,
  deletions: 1,
});
const reviewed: ReviewFile[] = ['src/format/price.ts', 'src/stock.ts'].map((path, index) => ({
  id: `F${index + 1}`,
  file: file(path),
}));

const finding = (title: string): Finding => ({
  pass: 'general',
  path: 'src/stock.ts',
  side: 'RIGHT',
  startLine: 6,
  endLine: 6,
  withinOneHunk: true,
  code: [],
  symbol: null,
  category: 'bug',
  severity: 'major',
  title,
  body: 'It fails.',
  evidence: [],
  suggestion: null,
  fingerprint: title,
  confidence: 0.86,
  votes: 3,
  verdict: 'confirmed',
});

const outcome = (overrides: Partial<ReviewOutcome> = {}): ReviewOutcome => ({
  reviewedFiles: reviewed,
  skippedFiles: [],
  inline: [],
  summaryOnly: [],
  filtered: {},
  usage: {
    calls: 1,
    attempts: 1,
    failedCalls: 0,
    promptTokens: 12_480,
    completionTokens: 912,
    cachedPromptTokens: 11_264,
  },
  context: { status: 'off' },
  suggestionsDropped: 0,
  candidates: [],
  passes: { planned: 4, failed: [] },
  verifierFailures: [],
  budgetNotes: [],
  plantedText: null,
  learned: null,
  ...overrides,
});

const context = (overrides: Partial<Parameters<typeof renderCheckRun>[1]> = {}) => ({
  headSha: '60c8b975d5898e70e1416c00031e7c02f2365bdb',
  changedFileCount: 2,
  listedFileCount: 2,
  configProblems: [] as LocatedConfigProblem[],
  ...overrides,
});

describe('renderCheckRun', () => {
  it('with learnings that held a finding back, lowered one, moved a threshold and gave conventions › says what and why, linking the evidence', () => {
    const report = renderCheckRun(
      outcome({
        inline: [finding('formatRange prints reversed ranges')],
        filtered: { 'similar-to-dismissed': 1 },
        learned: {
          repositoryUrl: 'https://github.com/acme/inventory',
          heldBack: [
            {
              title:
                '`reserveBatch` refuses to sell the last units, see https://evil.example and ping @acme/owners',
              path: 'src/orders/batch.ts',
              line: 12,
              dismissedLike: [
                { id: '3f9a1c7', pullNumber: 7 },
                { id: '0c1d2e3', pullNumber: 9 },
              ],
            },
          ],
          lowered: 1,
          thresholds: [{ category: 'bug', configured: 0.7, threshold: 0.74, outcomes: 12 }],
          conventions: 2,
        },
      }),
      context(),
    );
    expect(report.title).toBe('1 finding posted, 1 held back');
    expect(report.summary).toContain('| Findings held back | 1 similar to findings your team dismissed |');
    expect(report.summary.slice(report.summary.indexOf('**Held back'))).toMatchInlineSnapshot(`
      "**Held back: similar to 2 findings your team dismissed.**

      - \`reserveBatch\` refuses to sell the last units, see https\\[:]//evil\\[.]example and ping \`@acme/owners\` (\`src/orders/batch.ts:12\`): similar to 2 findings your team dismissed (\`3f9a1c7\` on [#7](https://github.com/acme/inventory/pull/7), \`0c1d2e3\` on [#9](https://github.com/acme/inventory/pull/9))

      Comment \`/review learnings\` for the list of what Sift learned on this repository and its evidence; \`/review forget <id>\` lets findings like that one be posted again.

      1 finding posted with a lowered confidence: your team dismissed similar findings before.

      Thresholds learned from this repository's outcomes: bug 0.74 (configured 0.7, learned from 12 outcomes).

      The reviewers were given 2 conventions your team stated in earlier threads."
    `);
  });

  it('with findings, held-back findings, context, dropped fixes, skipped files, a capped list and config problems › says all of it', () => {
    const report = renderCheckRun(
      outcome({
        skippedFiles: [
          { path: 'assets/logo.png', reason: 'binary file' },
          { path: 'package-lock.json', reason: 'lockfile' },
        ],
        inline: [finding('reserve() refuses the last units'), finding('formatRange prints reversed ranges')],
        summaryOnly: [finding('Stock rules changed without a migration note')],
        filtered: { 'line-not-in-diff': 2, 'category-off': 1, duplicate: 0, 'over-max-comments': 3 },
        context: { status: 'built', snippets: 4, files: 3, tokens: 2_150, budget: 8_000, omitted: 1 },
        suggestionsDropped: 1,
      }),
      context({
        changedFileCount: 3_200,
        listedFileCount: 3_000,
        configProblems: [
          {
            key: 'autoReview.drafts',
            message: 'expected boolean, received string',
            file: 'acme/inventory:.github/sift.yml',
            line: 4,
          },
          {
            key: 'colour',
            message: 'is not a Sift setting (check the spelling)',
            file: 'acme/.github:.github/sift.yml',
            line: null,
          },
          { key: '', message: 'the file must be a YAML mapping of keys to values', file: null, line: null },
        ],
      }),
    );
    expect(report.conclusion).toBe('neutral');
    expect(report.title).toBe('3 findings posted, 6 held back');
    expect(report.summary).toMatchInlineSnapshot(`
      "Reviewed commit \`60c8b97\`.

      | | |
      |---|---|
      | Files reviewed | 2 of 3200 changed |
      | Findings posted | 2 inline, 1 in the review summary |
      | Findings held back | 2 pointed at lines that are not in the diff; 1 in a category this repository does not enable; 3 beyond maxComments |
      | Cross-file context | 4 snippets from 3 files, 2,150 of 8,000 tokens; 1 more snippet did not fit |
      | Review passes | 4 of 4 answered; findings verified |
      | Model usage | 1 call, 12,480 prompt tokens (11,264 cached), 912 completion tokens |

      1 suggested fix left out: the code would not parse with it applied.

      GitHub listed only 3000 of the 3200 changed files; the rest were not reviewed.

      **Not reviewed (2):**

      - \`assets/logo.png\` — binary file
      - \`package-lock.json\` — lockfile

      **Configuration problems** (the defaults apply to these keys):

      - \`autoReview.drafts\`: expected boolean, received string (acme/inventory:.github/sift.yml, line 4)
      - \`colour\`: is not a Sift setting (check the spelling) (acme/.github:.github/sift.yml)
      - \`.github/sift.yml\`: the file must be a YAML mapping of keys to values

      2 findings pointed at lines that are not in this diff and were left out. Use **Re-run** to review again."
    `);
  });

  it('with nothing found › success, and says so out loud', () => {
    const report = renderCheckRun(outcome(), context());
    expect(report).toMatchInlineSnapshot(`
      {
        "conclusion": "success",
        "summary": "Reviewed commit \`60c8b97\`.

      | | |
      |---|---|
      | Files reviewed | 2 of 2 changed |
      | Findings posted | 0 inline, 0 in the review summary |
      | Findings held back | none |
      | Cross-file context | off |
      | Review passes | 4 of 4 answered; findings verified |
      | Model usage | 1 call, 12,480 prompt tokens (11,264 cached), 912 completion tokens |",
        "title": "No issues found",
      }
    `);
  });

  it.each<{ name: string; overrides: Partial<ReviewOutcome>; title: string; conclusion: string }>([
    {
      name: 'one finding',
      overrides: { inline: [finding('a')] },
      title: '1 finding posted',
      conclusion: 'neutral',
    },
    {
      name: 'one summary-only finding',
      overrides: { summaryOnly: [finding('a')] },
      title: '1 finding posted',
      conclusion: 'neutral',
    },
    {
      name: 'two findings, one held back',
      overrides: { inline: [finding('a'), finding('b')], filtered: { duplicate: 1 } },
      title: '2 findings posted, 1 held back',
      conclusion: 'neutral',
    },
    {
      name: 'nothing posted but some held back',
      overrides: { filtered: { 'category-off': 4 } },
      title: 'No issues found',
      conclusion: 'success',
    },
    {
      name: 'every finding pointing at lines not in the diff',
      overrides: { filtered: { 'line-not-in-diff': 3 } },
      title: '3 findings could not be placed on the diff',
      conclusion: 'neutral',
    },
    {
      name: 'one finding posted and one not placed',
      overrides: { inline: [finding('a')], filtered: { 'line-not-in-diff': 1 } },
      title: '1 finding posted, 1 held back',
      conclusion: 'neutral',
    },
  ])('$name › $conclusion, titled "$title"', ({ overrides, title, conclusion }) => {
    expect(renderCheckRun(outcome(overrides), context())).toMatchObject({ title, conclusion });
  });

  it.each<{ name: string; value: ReviewOutcome['context']; row: string }>([
    { name: 'off', value: { status: 'off' }, row: 'off' },
    {
      name: 'built, everything fitting',
      value: { status: 'built', snippets: 1, files: 1, tokens: 300, budget: 8_000, omitted: 0 },
      row: '1 snippet from 1 file, 300 of 8,000 tokens',
    },
    {
      name: 'unavailable, with a reason that would break the table',
      value: { status: 'unavailable', reason: 'clone failed | exit 128\nfatal' },
      row: 'unavailable (clone failed \\| exit 128 fatal); the diff was reviewed on its own',
    },
  ])('cross-file context $name › one table row saying so', ({ value, row }) => {
    expect(renderCheckRun(outcome({ context: value }), context()).summary).toContain(
      `| Cross-file context | ${row} |`,
    );
  });

  it('with findings that could not be placed › says they were left out and how to review again', () => {
    expect(renderCheckRun(outcome({ filtered: { 'line-not-in-diff': 1 } }), context()).summary).toContain(
      '1 finding pointed at lines that are not in this diff and was left out. Use **Re-run** to review again.',
    );
  });

  it('when findings repeated text planted for AI reviewers › names where, and counts what was held back', () => {
    const { summary } = renderCheckRun(
      outcome({
        filtered: { 'repeats-planted-text': 1 },
        plantedText: { where: ['the title', '`src/notes.md`'], findings: 2 },
      }),
      context(),
    );
    expect(summary).toContain(
      '| Findings held back | 1 only repeated text the pull request planted for AI reviewers |',
    );
    expect(summary).toContain(
      'Text addressed to AI reviewers was found in the title, `src/notes.md`. Sift reads it as data; 2 findings repeated words it planted, which were left out of what Sift posted.',
    );
  });

  it('with calls that failed and were retried › counts every call and names the failed ones', () => {
    const usage = {
      calls: 4,
      attempts: 7,
      failedCalls: 3,
      promptTokens: 7_949,
      completionTokens: 1_204,
      cachedPromptTokens: 2_048,
    };
    expect(renderCheckRun(outcome({ usage }), context()).summary).toContain(
      '| Model usage | 7 calls (3 failed), 7,949 prompt tokens (2,048 cached), 1,204 completion tokens |',
    );
  });

  it('with no model calls (nothing to review) › counts zero calls in the plural', () => {
    expect(renderCheckRun(outcome({ reviewedFiles: [], usage: NO_USAGE }), context()).summary).toContain(
      '| Model usage | 0 calls, 0 prompt tokens (0 cached), 0 completion tokens |',
    );
  });
});
