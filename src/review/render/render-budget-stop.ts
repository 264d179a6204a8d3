import type { BudgetExceededError } from '../../errors.js';
import type { CheckRunReport } from '../pull-request-host.js';
import { describeBudget } from './describe-budget.js';

/**
 * The check run of a review a budget stopped: before it started, or midway. Neutral, not failed:
 * nothing is wrong with the pull request, and a required check must not block it over Sift's bill.
 * Nothing is posted after a stop: findings the verifier has not seen are not worth a comment.
 */
export function renderBudgetStop(
  error: BudgetExceededError,
  context: {
    headSha: string;
    /** Tokens this review spent before it stopped; 0 when it never started. */
    spentByReview: number;
    now: number;
  },
): CheckRunReport {
  const budget = describeBudget(error, context.now);
  const commit = `commit \`${context.headSha.slice(0, 7)}\``;
  const started = context.spentByReview > 0;
  const spent = `${budget.name} is used up, ${budget.spent}`;
  // A review's own budget is what the review spent; an installation's is shared, so say its part.
  const ownPart =
    error.budget === 'review'
      ? ''
      : `; this review had spent ${context.spentByReview.toLocaleString('en-US')} of them`;
  const opening = started
    ? `Sift stopped reviewing ${commit}: ${spent}${ownPart}. Nothing was posted: Sift does not post a review it could not finish verifying.`
    : `Sift did not review ${commit}: ${spent}. Nothing was posted.`;
  const later = budget.resets
    ? `The budget starts over at ${budget.resets}; push a commit or use **Re-run** on this check after that. ${budget.raise}`
    : budget.raise;
  return {
    conclusion: 'neutral',
    title: started ? 'Review stopped: model budget spent' : 'Not reviewed: model budget spent',
    summary: [opening, '', later].join('\n'),
  };
}
