import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { compareCommits } from '../../src/github/compare-commits.js';
import { jsonFixture } from '../support/fixtures.js';
import { GITHUB_API } from '../support/github-nock.js';

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
const octokit = new TestOctokit({ auth: { token: 'test' } });

const REVIEWED = '2adf080edc8fd291d686f9f687c05cd2a3935f5c';
const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const TARGET = { owner: 'acme', repo: 'inventory', base: REVIEWED, head: HEAD };
const COMPARE_PATH = `/repos/acme/inventory/compare/${REVIEWED}...${HEAD}`;

/** The inventory pull request's files, as the compare endpoint lists them too. */
const FILES = jsonFixture<Array<Record<string, unknown>>>('github/inventory/pulls.listFiles.json');

function compareAnswer(status: string, files: unknown[] = []) {
  return {
    url: `${GITHUB_API}${COMPARE_PATH}`,
    status,
    ahead_by: status === 'ahead' ? 1 : 0,
    behind_by: status === 'diverged' || status === 'behind' ? 1 : 0,
    total_commits: status === 'ahead' ? 1 : 0,
    commits: [],
    files,
  };
}

describe('compareCommits', () => {
  it('the head ahead of the reviewed commit › ahead, with the changed files parsed', async () => {
    nock(GITHUB_API).get(COMPARE_PATH).reply(200, compareAnswer('ahead', FILES));
    const comparison = await compareCommits(octokit, TARGET);
    if (comparison.status !== 'ahead') throw new Error(`expected ahead, got ${comparison.status}`);
    expect(comparison.complete).toBe(true);
    expect(
      comparison.files.map((file) => [file.path, file.previousPath, file.patchState, file.hunks.length]),
    ).toEqual([
      ['assets/logo.png', null, 'binary', 0],
      ['docs/index.md', 'docs/README.md', 'no-content-change', 0],
      ['package-lock.json', null, 'present', 1],
      ['src/format/price.ts', 'src/util/format.ts', 'present', 1],
      ['src/legacy.ts', null, 'present', 1],
      ['src/stock.ts', null, 'present', 2],
    ]);
    expect(comparison.files.at(-1)?.hunks[0]?.lines).toContainEqual({
      kind: 'added',
      oldLine: null,
      newLine: 6,
      text: '  if (available <= count) return false;',
    });
    expect(nock.isDone()).toBe(true);
  });

  it('300 files listed, the most GitHub lists › ahead, but marked incomplete', async () => {
    const files = Array.from({ length: 300 }, (_, index) => ({
      filename: `src/generated/model-${index}.ts`,
      status: 'modified',
      additions: 1,
      deletions: 1,
      changes: 2,
      patch: `@@ -1 +1 @@\n-export const version = ${index};\n+export const version = ${index + 1};`,
    }));
    nock(GITHUB_API).get(COMPARE_PATH).reply(200, compareAnswer('ahead', files));
    const comparison = await compareCommits(octokit, TARGET);
    expect(comparison).toMatchObject({ status: 'ahead', complete: false });
  });

  it.each(['diverged', 'behind', 'identical'])('%s › that status, without files', async (status) => {
    nock(GITHUB_API).get(COMPARE_PATH).reply(200, compareAnswer(status, FILES));
    expect(await compareCommits(octokit, TARGET)).toEqual({ status });
  });

  it.each([
    [404, 'Not Found'],
    [422, 'No common ancestor between 2adf080 and 60c8b97.'],
  ])('GitHub answers %i (the reviewed commit is gone) › unknown', async (code, message) => {
    nock(GITHUB_API).get(COMPARE_PATH).reply(code, { message });
    expect(await compareCommits(octokit, TARGET)).toEqual({ status: 'unknown' });
  });

  it('GitHub fails (500) › the error is thrown, so the job can be retried', async () => {
    nock(GITHUB_API).get(COMPARE_PATH).reply(500, { message: 'Server Error' });
    await expect(compareCommits(octokit, TARGET)).rejects.toMatchObject({ status: 500 });
  });
});
