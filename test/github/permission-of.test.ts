import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { permissionOf } from '../../src/github/permission-of.js';
import { GITHUB_API } from '../support/github-nock.js';

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
const octokit = new TestOctokit({ auth: { token: 'test' } });

/** GitHub's answer to "get repository permissions for a user": the legacy permission and the role. */
function nockPermission(user: string, permission: string, roleName: string) {
  return nock(GITHUB_API)
    .get(`/repos/acme/inventory/collaborators/${user}/permission`)
    .reply(200, {
      permission,
      role_name: roleName,
      user: { login: user, id: 583231, type: 'User', permissions: {} },
    });
}

const ask = (user: string) => permissionOf(octokit, { owner: 'acme', repo: 'inventory', user });

describe('permissionOf', () => {
  // The legacy `permission` maps maintain to write and triage to read; `role_name` names the role.
  it.each([
    ['admin', 'admin', 'admin', 'admin'],
    ['maintain', 'write', 'maintain', 'maintain'],
    ['write', 'write', 'write', 'write'],
    ['a custom role based on write', 'write', 'release-manager', 'write'],
    ['triage', 'read', 'triage', 'triage'],
    ['read', 'read', 'read', 'read'],
    ['no access to a public repository', 'none', 'none', 'none'],
  ])('%s › %s', async (_, permission, roleName, expected) => {
    const scope = nockPermission('octocat', permission, roleName);
    expect(await ask('octocat')).toBe(expected);
    expect(scope.isDone()).toBe(true);
  });

  it('someone GitHub does not know as a collaborator (404) › none', async () => {
    nock(GITHUB_API)
      .get('/repos/acme/inventory/collaborators/mallory/permission')
      .reply(404, { message: 'Not Found' });
    expect(await ask('mallory')).toBe('none');
  });

  it('GitHub fails (502) › the error is thrown, not taken as a refusal', async () => {
    nock(GITHUB_API)
      .get('/repos/acme/inventory/collaborators/octocat/permission')
      .reply(502, { message: 'Bad Gateway' });
    await expect(ask('octocat')).rejects.toMatchObject({ status: 502 });
  });
});
