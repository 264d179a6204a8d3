import { describe, expect, it } from 'vitest';
import { createLocalHost } from '../../src/repository/create-local-host.js';
import { commitEdit, gitAsDeveloper, gitRepoFromFixture } from '../support/git-repo-from-fixture.js';

describe('createLocalHost', () => {
  const dir = gitRepoFromFixture('inventory');
  const host = createLocalHost(dir, { base: 'base', head: 'head' });
  const sha = (ref: string) => gitAsDeveloper(dir, 'rev-parse', ref).trim();

  it('loadPullRequest › the change between the two commits, as a pull request with no number or labels', async () => {
    const pull = await host.loadPullRequest();
    expect(pull).toMatchObject({
      number: 0,
      author: { login: 'Fixture', isBot: false },
      state: 'open',
      draft: false,
      labels: [],
      base: { sha: sha('base') },
      head: { sha: sha('head') },
    });
    expect(pull.files.map((file) => file.path)).toContain('src/stock.ts');
    expect(pull.changedFileCount).toBe(pull.files.length);
  });

  it('readFile › text at a commit; a missing file does not exist; a binary one has no text', async () => {
    expect((await host.readFile(sha('head'), 'src/stock.ts')).text).toContain('available <= count');
    expect(await host.readFile(sha('head'), 'src/nowhere.ts')).toEqual({ exists: false, text: null });
    expect(await host.readFile(sha('head'), 'assets/logo.png')).toEqual({ exists: true, text: null });
  });

  it('compareCommits › ahead with the files changed since; unknown for a commit that is not there', async () => {
    const before = sha('head');
    commitEdit(dir, 'src/stock.ts', (text) => `${text}\n// later\n`, 'Later');
    const comparison = await host.compareCommits(before, sha('head'));
    expect(comparison.status).toBe('ahead');
    expect(comparison.status === 'ahead' && comparison.files.map((file) => file.path)).toEqual([
      'src/stock.ts',
    ]);
    expect(await host.compareCommits('0'.repeat(40), sha('head'))).toEqual({ status: 'unknown' });
    expect(await host.compareCommits(sha('head'), sha('head'))).toEqual({ status: 'identical' });
  });

  it('readConfig at a commit without .github/sift.yml › the defaults, no problems', async () => {
    const loaded = await host.readConfig(sha('base'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.threshold).toBeGreaterThan(0);
  });

  it('what would be posted is recorded, and the person at the keyboard may do anything', async () => {
    await host.postReview({ headSha: sha('head'), body: 'Sift reviewed 3 files.', comments: [] });
    await host.finishCheckRun(sha('head'), await host.startCheckRun(sha('head')), {
      conclusion: 'success',
      title: 'No issues found',
      summary: '…',
    });
    expect(host.record.reviews).toHaveLength(1);
    expect(host.record.reports.map((report) => report.title)).toEqual(['No issues found']);
    expect(await host.permissionOf('anyone')).toBe('admin');
    expect((await host.loadHistory()).findings).toEqual([]);
  });
});
