import { CATEGORY_FAMILY } from '../category-family.js';
import type { Finding, PostedFinding } from '../types.js';
import { claimSimilarity } from '../verify-findings/claim-similarity.js';

// Two descriptions of one problem share this much wording, or name the same code.
const SAME_CLAIM = 0.3;

/**
 * Whether a new finding says what a posted one said: same file, a category of the same family,
 * a similar claim. Code that moved gets a new fingerprint; this still recognises the problem.
 * `claim` replaces the finding's title and body when text its answer planted in every finding
 * has been taken out (stripSharedText): otherwise that text alone, posted before with another
 * finding, would make a new finding look already said.
 */
export function makesSameClaim(
  posted: PostedFinding,
  finding: Pick<Finding, 'path' | 'category' | 'title' | 'body'>,
  claim = `${finding.title}\n${finding.body}`,
): boolean {
  const category = posted.marker.category as Finding['category'] | undefined;
  return (
    posted.path === finding.path &&
    (!category || CATEGORY_FAMILY[category] === CATEGORY_FAMILY[finding.category]) &&
    claimSimilarity(`${posted.title}\n${posted.body}`, claim) >= SAME_CLAIM
  );
}
