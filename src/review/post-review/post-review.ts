import { ReviewRefusedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PullRequestHost, ReviewToPost } from '../pull-request-host.js';
import { renderComment } from '../render/render-comment.js';
import { renderReviewBody } from '../render/render-review-body.js';
import type { PullRequestChange, ReviewOutcome } from '../types.js';
import { findingMarkerOf } from './finding-marker-of.js';

/**
 * Stage 8: posts the review — exactly one review with event COMMENT, so the pull request gets one
 * notification and GitHub's secondary rate limits never see a burst of single comments. Sift
 * never approves and never requests changes. When the host refuses the inline comments (GitHub's
 * 422), the review is posted again with every finding in its summary: a review is never lost.
 */
export async function postReview(
  host: Pick<PullRequestHost, 'postReview'>,
  change: Pick<PullRequestChange, 'repository' | 'base' | 'head'>,
  outcome: ReviewOutcome,
  log: Logger,
  jobId?: string,
): Promise<{ reviewId: number; refused: number }> {
  const review: ReviewToPost = {
    headSha: change.head.sha,
    jobId,
    body: renderReviewBody(change, outcome),
    comments: outcome.inline.map((finding) => ({
      path: finding.path,
      side: finding.side,
      startLine: finding.startLine,
      endLine: finding.endLine,
      body: renderComment(finding, { allowedLinkBase: change.repository.htmlUrl }),
      marker: findingMarkerOf(finding),
    })),
  };
  try {
    return { ...(await host.postReview(review)), refused: 0 };
  } catch (error) {
    if (!(error instanceof ReviewRefusedError)) throw error;
    log.warn(
      { err: error, comments: review.comments.length },
      'inline comments refused; posting them in the summary',
    );
    const summaryOnly = { ...outcome, inline: [], summaryOnly: [...outcome.inline, ...outcome.summaryOnly] };
    const posted = await host.postReview({
      headSha: change.head.sha,
      jobId,
      body: renderReviewBody(change, summaryOnly),
      comments: [],
    });
    return { ...posted, refused: review.comments.length };
  }
}
