import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { tokenIdentity } from '../../src/github/token-identity.js';
import { GITHUB_API } from '../support/github-nock.js';

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
const octokit = new TestOctokit({ auth: { token: 'ghs_test' } });

const viewer = (login: string | null) =>
  nock(GITHUB_API)
    .post('/graphql', (body) => /\bviewer\b/.test(String(body.query)))
    .reply(200, { data: { viewer: login === null ? null : { login } } });

describe('tokenIdentity', () => {
  it.each([
    ['a workflow’s GITHUB_TOKEN', 'github-actions[bot]', { login: 'github-actions[bot]', type: 'Bot' }],
    ['an app’s installation token', 'acme-reviewer[bot]', { login: 'acme-reviewer[bot]', type: 'Bot' }],
    ['a personal token', 'octocat', { login: 'octocat', type: 'User' }],
  ])('%s › %j', async (_, login, identity) => {
    const scope = viewer(login);
    expect(await tokenIdentity(octokit)).toEqual(identity);
    expect(scope.isDone()).toBe(true);
  });

  it('GitHub does not say › an error, never an identity that would trust anyone', async () => {
    viewer(null);
    await expect(tokenIdentity(octokit)).rejects.toThrow(
      'GitHub did not say which account the token belongs to',
    );
  });
});
