import type { Octokit } from './octokit.js';

/**
 * Marks a finding's thread fixed: a one-line reply saying so (so the conversation shows why),
 * then the thread resolved through GraphQL (REST has no endpoint for it).
 */
export async function resolveReviewThread(
  octokit: Octokit,
  target: { owner: string; repo: string; pullNumber: number; threadId: string; commentId: number },
  reply: string,
): Promise<void> {
  await octokit.rest.pulls.createReplyForReviewComment({
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
    comment_id: target.commentId,
    body: reply,
  });
  await octokit.graphql(
    `mutation SiftResolve($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`,
    { threadId: target.threadId },
  );
}
