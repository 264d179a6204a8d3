import { describe, expect, it } from 'vitest';
import { parseGitHubFile } from '../../../src/diff/parse-github-file.js';
import type { DiffFile } from '../../../src/diff/types.js';
import { keepNewChanges, type ScopedFiles } from '../../../src/review/select-files/keep-new-changes.js';
import { type Change, pushAfterReview } from '../support/push-history.js';
import { CLIENT_BASE, CLIENT_REVIEWED, RETRY_BASE, RETRY_REVIEWED } from '../support/retry-module.js';

const RETRY = 'src/http/fetch-with-retry.ts';
const CLIENT = 'src/billing/invoice-client.ts';
const LOGO = 'assets/logo.png';

/** The first bytes of a PNG: the NUL bytes make git treat the file as binary. */
const png = (last: number) =>
  Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, last]);

const BASE: Change = {
  [RETRY]: RETRY_BASE,
  [CLIENT]: CLIENT_BASE,
  [LOGO]: png(0x49),
  'README.md': '# Billing\n',
};
const REVIEWED: Change = { [RETRY]: RETRY_REVIEWED, [CLIENT]: CLIENT_REVIEWED, [LOGO]: png(0x52) };

/** Each kept file with the lines its kept hunks add; each skipped file with its reason. */
function summarise({ files, skipped }: ScopedFiles) {
  return {
    files: files.map((file) => ({
      path: file.path,
      patchState: file.patchState,
      hunks: file.hunks.map((hunk) =>
        hunk.lines.filter((line) => line.kind === 'added').map((line) => line.text.trim()),
      ),
    })),
    skipped: skipped.map((item) => `${item.path}: ${item.reason}`),
  };
}

/** What `keepNewChanges` keeps of the pull request after `push`, with GitHub's diffs of real commits. */
function afterPush(push: Change, options: { baseMerge?: Change } = {}) {
  const history = pushAfterReview({ base: BASE, reviewed: REVIEWED, push, ...options });
  const scoped = keepNewChanges(history.pullFiles, history.newFiles, history.reviewed);
  return { history, scoped, summary: summarise(scoped) };
}

/** A changed-file entry as GitHub lists it when it leaves the patch out (a diff it considers too large). */
function withheldPatch(file: DiffFile): DiffFile {
  return parseGitHubFile({
    filename: file.path,
    status: 'modified',
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
  });
}

const unchanged = (path: string, reviewed: string) =>
  `${path}: no part of its diff changed since Sift's review of ${reviewed.slice(0, 7)}`;

const HUNK_BACKOFF = [
  'const jitter = Math.random() * options.minDelayMs;',
  'return Math.min(options.maxDelayMs, exponential + jitter);',
];

describe('keepNewChanges', () => {
  describe('a push that edits one hunk of a two-hunk file', () => {
    it('in the second hunk › keeps that hunk only; files the push did not touch are skipped with why', () => {
      const { history, summary } = afterPush({
        [RETRY]: RETRY_REVIEWED.replace(
          'retryAfter > 0 ?',
          'Number.isFinite(retryAfter) && retryAfter > 0 ?',
        ),
      });
      expect(history.pullFiles.find((file) => file.path === RETRY)?.hunks).toHaveLength(2);
      expect(summary).toEqual({
        files: [
          {
            path: RETRY,
            patchState: 'present',
            hunks: [
              [
                "const retryAfter = Number(response.headers.get('retry-after'));",
                'const delay = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoffDelay(attempt, options);',
                "console.warn('retrying', { url, delay, status: response.status });",
                'await sleep(delay, undefined, { signal: options.signal });',
              ],
            ],
          },
        ],
        skipped: [unchanged(LOGO, history.reviewed), unchanged(CLIENT, history.reviewed)],
      });
    });

    it('in the first hunk › keeps the first hunk only', () => {
      const { summary } = afterPush({
        [RETRY]: RETRY_REVIEWED.replace(
          'Math.random() * options.minDelayMs',
          'Math.random() * options.minDelayMs * 0.5',
        ),
      });
      expect(summary.files).toEqual([
        {
          path: RETRY,
          patchState: 'present',
          hunks: [
            [
              'const jitter = Math.random() * options.minDelayMs * 0.5;',
              'return Math.min(options.maxDelayMs, exponential + jitter);',
            ],
          ],
        },
      ]);
    });
  });

  it('a push that only deletes lines inside a hunk › keeps that hunk, not the other', () => {
    const { history, summary } = afterPush({
      [RETRY]: RETRY_REVIEWED.replace(
        "    console.warn('retrying', { url, delay, status: response.status });\n",
        '',
      ),
    });
    expect(history.newFiles.flatMap((file) => file.hunks.flatMap((hunk) => hunk.lines))).not.toContainEqual(
      expect.objectContaining({ kind: 'added' }),
    );
    expect(summary.files).toEqual([
      {
        path: RETRY,
        patchState: 'present',
        hunks: [
          [
            "const retryAfter = Number(response.headers.get('retry-after'));",
            'const delay = retryAfter > 0 ? retryAfter * 1000 : backoffDelay(attempt, options);',
            'await sleep(delay, undefined, { signal: options.signal });',
          ],
        ],
      },
    ]);
  });

  it('a push that adds a file › keeps the new file whole', () => {
    const metrics =
      'export const retries = { total: 0 };\n\nexport function countRetry(): void {\n  retries.total += 1;\n}\n';
    const { summary } = afterPush({ 'src/http/retry-metrics.ts': metrics });
    expect(summary.files).toEqual([
      {
        path: 'src/http/retry-metrics.ts',
        patchState: 'present',
        hunks: [
          [
            'export const retries = { total: 0 };',
            '',
            'export function countRetry(): void {',
            'retries.total += 1;',
            '}',
          ],
        ],
      },
    ]);
    expect(summary.skipped).toHaveLength(3);
  });

  it('a push after merging the base branch › what came in by the merge appears neither kept nor skipped', () => {
    const agent =
      "import { Agent } from 'undici';\n\nexport const agent = new Agent({ keepAliveTimeout: 10_000 });\n";
    const { history, scoped, summary } = afterPush(
      { [CLIENT]: CLIENT_REVIEWED.replace('maxDelayMs: 2000', 'maxDelayMs: 5000') },
      { baseMerge: { 'src/http/agent.ts': agent, 'README.md': '# Billing\n\nInvoices and payments.\n' } },
    );
    // The compare since the reviewed commit carries the merged files; the pull request's diff does not.
    expect(history.newFiles.map((file) => file.path)).toEqual(
      expect.arrayContaining(['src/http/agent.ts', 'README.md', CLIENT]),
    );
    const mentioned = [...scoped.files.map((file) => file.path), ...scoped.skipped.map((item) => item.path)];
    expect(mentioned).not.toContain('src/http/agent.ts');
    expect(mentioned).not.toContain('README.md');
    expect(summary.files.map((file) => file.path)).toEqual([CLIENT]);
  });

  describe('a file whose patch one side lacks', () => {
    it('a binary file changed again by the push › kept whole', () => {
      const { summary } = afterPush({ [LOGO]: png(0x53) });
      expect(summary.files).toEqual([{ path: LOGO, patchState: 'binary', hunks: [] }]);
    });

    it('the pull request diff withheld by GitHub as too large › kept whole', () => {
      const history = pushAfterReview({
        base: BASE,
        reviewed: REVIEWED,
        push: { [RETRY]: RETRY_REVIEWED.replace('retryAfter * 1000', 'retryAfter * 1_000') },
      });
      const pullFiles = history.pullFiles.map((file) => (file.path === RETRY ? withheldPatch(file) : file));
      const { files } = keepNewChanges(pullFiles, history.newFiles, history.reviewed);
      expect(files).toEqual([pullFiles.find((file) => file.path === RETRY)]);
      expect(files[0]?.patchState).toBe('too-large');
    });

    it('the compare since the review withheld as too large › kept whole, every hunk of the pull request', () => {
      const history = pushAfterReview({
        base: BASE,
        reviewed: REVIEWED,
        push: { [RETRY]: RETRY_REVIEWED.replace('retryAfter * 1000', 'retryAfter * 1_000') },
      });
      const newFiles = history.newFiles.map(withheldPatch);
      const { files } = keepNewChanges(history.pullFiles, newFiles, history.reviewed);
      expect(summarise({ files, skipped: [] }).files).toEqual([
        {
          path: RETRY,
          patchState: 'present',
          hunks: [
            HUNK_BACKOFF,
            expect.arrayContaining([
              'const delay = retryAfter > 0 ? retryAfter * 1_000 : backoffDelay(attempt, options);',
            ]),
          ],
        },
      ]);
    });
  });
});
