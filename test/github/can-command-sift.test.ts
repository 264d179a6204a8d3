import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { canCommandSift } from '../../src/github/can-command-sift.js';
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

const ask = (user: string) => canCommandSift(octokit, { owner: 'acme', repo: 'inventory', user });

describe('canCommandSift', () => {
  // The legacy `permission` maps maintain to write and triage to read; `role_name` names the role.
  it.each([
    ['admin', 'admin', 'admin', true],
    ['maintain', 'write', 'maintain', true],
    ['write', 'write', 'write', true],
    ['a custom role based on write', 'write', 'release-manager', true],
    ['triage', 'read', 'triage', false],
    ['read', 'read', 'read', false],
    ['no access to a public repository', 'none', 'none', false],
  ])('%s › %s', async (_, permission, roleName, allowed) => {
    const scope = nockPermission('octocat', permission, roleName);
    expect(await ask('octocat')).toBe(allowed);
    expect(scope.isDone()).toBe(true);
  });

  it('someone GitHub does not know as a collaborator (404) › not allowed', async () => {
    nock(GITHUB_API)
      .get('/repos/acme/inventory/collaborators/mallory/permission')
      .reply(404, { message: 'Not Found' });
    expect(await ask('mallory')).toBe(false);
  });

  it('GitHub fails (502) › the error is thrown, not taken as a refusal', async () => {
    nock(GITHUB_API)
      .get('/repos/acme/inventory/collaborators/octocat/permission')
      .reply(502, { message: 'Bad Gateway' });
    await expect(ask('octocat')).rejects.toMatchObject({ status: 502 });
  });
});
