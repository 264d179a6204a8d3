import { type ChatRequest, fileIdsInPrompt } from './fake-model-server.js';
import { gitRepoFromFixture } from './git-repo-from-fixture.js';
import { type FakePullRequest, pullRequestFromGit } from './pull-request-from-git.js';
import { finding, scriptedAnswer } from './scripted-model.js';

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

/** A model answer in which every review pass finds the off-by-one in reserve(); the verifier confirms it. */
export function reserveFinding(request: ChatRequest) {
  const stock = fileIdsInPrompt(request).get('src/stock.ts');
  return scriptedAnswer(
    {
      review: () => [
        finding({
          startLineId: `${stock}:R6`,
          endLineId: `${stock}:R6`,
          title: 'The last unit can never be reserved',
        }),
      ],
    },
    request.messages,
  );
}

/**
 * A model that hangs until released (so a test can kill or crowd a process while a review waits),
 * then answers as `reserveFinding`.
 */
export function hangingReserveModel() {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked: () => void = () => {};
  const firstAsked = new Promise<void>((resolve) => {
    asked = resolve;
  });
  const answer = async (request: ChatRequest) => {
    asked();
    await released;
    return reserveFinding(request);
  };
  return { answer, release, firstAsked };
}
