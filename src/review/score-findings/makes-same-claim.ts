import { CATEGORY_FAMILY } from '../category-family.js';
import type { Finding, PostedFinding } from '../types.js';
import { claimSimilarity } from '../verify-findings/claim-similarity.js';

// Two descriptions of one problem share this much wording, or name the same code.
const SAME_CLAIM = 0.3;

/**
 * Whether a new finding says what a posted one said: same file, a category of the same family,
 * a similar claim. Code that moved gets a new fingerprint; this still recognises the problem.
 */
export function makesSameClaim(
  posted: PostedFinding,
  finding: Pick<Finding, 'path' | 'category' | 'title' | 'body'>,
): boolean {
  const category = posted.marker.category as Finding['category'] | undefined;
  return (
    posted.path === finding.path &&
    (!category || CATEGORY_FAMILY[category] === CATEGORY_FAMILY[finding.category]) &&
    claimSimilarity(`${posted.title}\n${posted.body}`, `${finding.title}\n${finding.body}`) >= SAME_CLAIM
  );
}
