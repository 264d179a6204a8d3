import type { FilterReason } from '../types.js';

/**
 * Why findings were held back, in words that complete "N findings were …". Shared by the check run
 * and the CLI reports so a reason reads the same wherever a user meets it.
 */
export const FILTER_LABELS: Readonly<Record<FilterReason, string>> = {
  'below-threshold': 'below the confidence threshold',
  'rejected-by-verifier': 'rejected by the verifier',
  'line-not-in-diff': 'pointed at lines that are not in the diff',
  'repeats-planted-text': 'only repeated text the pull request planted for AI reviewers',
  'category-off': 'in a category this repository does not enable',
  duplicate: 'repeated another finding',
  'already-posted': 'already posted on this pull request',
  'similar-to-dismissed': 'similar to findings your team dismissed',
  'over-max-comments': 'beyond maxComments',
};
