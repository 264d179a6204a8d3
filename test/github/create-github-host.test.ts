import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { HostRequestError, ReviewRefusedError } from '../../src/errors.js';
import { appIdentity } from '../../src/github/app-identity.js';
import { createGitHubHost } from '../../src/github/create-github-host.js';
import { readFindingMarker, readNoticeMarker, readReviewMarker } from '../../src/github/review-markers.js';
import { GITHUB_API } from '../support/github-nock.js';

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
const octokit = new TestOctokit({ auth: { token: 'test' } });

const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const PULL = { owner: 'acme', repo: 'inventory', pullNumber: 7 };
const SIFT_APP = appIdentity('sift-review');
const repoApi = nock(GITHUB_API);
const MARKER = {
  fingerprint: 'e422eda7cc9dcc4b',
  span: '746149a8696bae2e',
  lines: 1,
  category: 'bug',
  side: 'RIGHT' as const,
};

describe('createGitHubHost', () => {
  describe('readFile', () => {
    const contents = (path: string) =>
      nock(GITHUB_API).get(`/repos/acme/inventory/contents/${path}`).query({ ref: HEAD });

    it('a snapshot already loaded holds the file › read from it, no request', async () => {
      const snapshot = {
        commit: HEAD,
        files: new Map([['src/stock.ts', { path: 'src/stock.ts', id: 'a'.repeat(40), size: 9 }]]),
        read: async () => 'the text',
      };
      const host = createGitHubHost(octokit, PULL, {
        identity: SIFT_APP,
        snapshotAt: async () => snapshot,
      });
      expect(await host.readFile(HEAD, 'src/stock.ts')).toEqual({ exists: true, text: 'the text' });
    });

    it('a file the snapshot left out (binary, too large) › asked of GitHub', async () => {
      const snapshot = { commit: HEAD, files: new Map(), read: async () => null };
      contents('src%2Flegacy.ts').reply(404, { message: 'Not Found' });
      const host = createGitHubHost(octokit, PULL, {
        identity: SIFT_APP,
        snapshotAt: async () => snapshot,
      });
      expect(await host.readFile(HEAD, 'src/legacy.ts')).toEqual({ exists: false, text: null });
      expect(nock.isDone()).toBe(true);
    });

    it('GitHub fails (502) › a HostRequestError naming GitHub and the request', async () => {
      contents('src%2Fstock.ts').reply(502, { message: 'Bad Gateway' });
      const error = await createGitHubHost(octokit, PULL, { identity: SIFT_APP })
        .readFile(HEAD, 'src/stock.ts')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HostRequestError);
      expect((error as HostRequestError).message).toBe(
        '[sift] GitHub answered 502 to GET /repos/acme/inventory/contents/src%2Fstock.ts: GitHub is having trouble (it was asked again, and failed again). Use Re-run on this check once https://www.githubstatus.com is green.',
      );
    });
  });

  describe('startCheckRun', () => {
    it('the installation lacks the Checks permission (403) › null, not an error', async () => {
      repoApi
        .post('/repos/acme/inventory/check-runs')
        .reply(403, { message: 'Resource not accessible by integration' });
      expect(await createGitHubHost(octokit, PULL, { identity: SIFT_APP }).startCheckRun(HEAD)).toBeNull();
    });

    it('GitHub fails (500) › a HostRequestError', async () => {
      nock(GITHUB_API).post('/repos/acme/inventory/check-runs').reply(500, {});
      await expect(
        createGitHubHost(octokit, PULL, { identity: SIFT_APP }).startCheckRun(HEAD),
      ).rejects.toBeInstanceOf(HostRequestError);
    });
  });

  describe('postReview', () => {
    const review = {
      headSha: HEAD,
      body: 'Sift reviewed 1 file.',
      comments: [
        {
          path: 'src/stock.ts',
          side: 'RIGHT' as const,
          startLine: 4,
          endLine: 6,
          body: '**A finding**',
          marker: MARKER,
        },
      ],
    };

    it('writes Sift’s markers: the head on the review’s first line, the finding’s on its comment’s last', async () => {
      let sent: { body: string; comments: Array<Record<string, unknown>> } | undefined;
      nock(GITHUB_API)
        .post('/repos/acme/inventory/pulls/7/reviews', (body) => {
          sent = body;
          return true;
        })
        .reply(200, { id: 31 });
      expect(await createGitHubHost(octokit, PULL, { identity: SIFT_APP }).postReview(review)).toEqual({
        reviewId: 31,
      });
      expect(readReviewMarker(sent?.body ?? '')).toEqual({ head: HEAD });
      expect(sent?.comments).toEqual([
        expect.objectContaining({
          path: 'src/stock.ts',
          side: 'RIGHT',
          start_line: 4,
          start_side: 'RIGHT',
          line: 6,
        }),
      ]);
      expect(readFindingMarker(String(sent?.comments[0]?.body))).toEqual(MARKER);
    });

    it('GitHub refuses a comment’s place (422) › ReviewRefusedError', async () => {
      nock(GITHUB_API)
        .post('/repos/acme/inventory/pulls/7/reviews')
        .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
      await expect(
        createGitHubHost(octokit, PULL, { identity: SIFT_APP }).postReview(review),
      ).rejects.toBeInstanceOf(ReviewRefusedError);
    });
  });

  it('comment with a notice › the notice marker on its first line, read back as said', async () => {
    let sent = '';
    nock(GITHUB_API)
      .post('/repos/acme/inventory/issues/7/comments', (body) => {
        sent = body.body;
        return true;
      })
      .reply(201, { id: 1 });
    await createGitHubHost(octokit, PULL, { identity: SIFT_APP }).comment(
      'The Checks permission is missing.',
      'checks-permission',
    );
    expect(readNoticeMarker(sent)).toEqual({ key: 'checks-permission' });
    expect(sent.split('\n')[1]).toBe('The Checks permission is missing.');
  });
});
