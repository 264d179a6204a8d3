import { gitRepoFromFixture } from './git-repo-from-fixture.js';
import { type FakePullRequest, pullRequestFromGit } from './pull-request-from-git.js';

/** The inventory fixture as pull request #7 of acme/inventory: a stricter `reserve` and more. */
export function inventoryPullRequest(): FakePullRequest {
  return pullRequestFromGit(gitRepoFromFixture('inventory'), {
    baseRef: 'base',
    headRef: 'head',
    title: 'Reserve stock strictly',
    body: 'Tightens reserve().',
    repo: 'inventory',
    number: 7,
  });
}

/** The `pull_request.opened` webhook GitHub sends for a pull request. */
export function openedPayload(pr: FakePullRequest) {
  return {
    action: 'opened',
    number: pr.number,
    pull_request: pr.pull,
    repository: { name: pr.repo, owner: { login: pr.owner } },
    installation: { id: 42 },
    sender: { login: 'octocat', type: 'User' },
  };
}
