import type { Octokit } from '../../github/octokit.js';
import type { PullRequestChange, ReviewOutcome } from '../types.js';
import { renderComment } from './render-comment.js';
import { renderReviewBody } from './render-review-body.js';

/**
 * Stage 8: posts the review — exactly one `createReview` with event COMMENT, so the pull request
 * gets one notification and GitHub's secondary rate limits never see a burst of single comments.
 * Sift never approves and never requests changes.
 */
export async function postReview(
  octokit: Octokit,
  change: Pick<PullRequestChange, 'repository' | 'number' | 'base' | 'head'>,
  outcome: ReviewOutcome,
): Promise<{ reviewId: number }> {
  const { data } = await octokit.rest.pulls.createReview({
    owner: change.repository.owner,
    repo: change.repository.repo,
    pull_number: change.number,
    commit_id: change.head.sha,
    event: 'COMMENT',
    body: renderReviewBody(change, outcome),
    comments: outcome.inline.map((finding) => ({
      path: finding.path,
      side: finding.side,
      line: finding.endLine,
      ...(finding.startLine !== finding.endLine
        ? { start_line: finding.startLine, start_side: finding.side }
        : {}),
      body: renderComment(finding),
    })),
  });
  return { reviewId: data.id };
}
