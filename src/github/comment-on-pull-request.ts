import type { Octokit } from './octokit.js';

/** A comment in the pull request's conversation (commands are answered there). */
export async function commentOnPullRequest(
  octokit: Octokit,
  target: { owner: string; repo: string; pullNumber: number },
  body: string,
): Promise<void> {
  await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.pullNumber,
    body,
  });
}
