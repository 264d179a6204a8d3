import type { Category } from '../../config/repo-config-schema.js';
import { CATEGORY_FAMILY } from '../category-family.js';
import { claimSimilarity } from '../verify-findings/claim-similarity.js';
import { SIMILAR_SHAPE, shapeSimilarity } from './code-shape.js';
import type { FindingTraits } from './learning-types.js';

// Claims this alike (claimSimilarity) say the same thing in other words or about other names;
// a little stricter than the 0.3 that recognises one finding across pushes, since here a match
// silences a finding on another pull request.
export const SIMILAR_CLAIM = 0.35;

/**
 * Whether a new finding closely resembles one people judged before, so that judgement applies to
 * it: a category of the same family (lenses file one problem under `bug` or `api-contract`), the
 * same language when both are known, a similar claim (SIMILAR_CLAIM) and code of a similar shape
 * (SIMILAR_SHAPE). All of them, so a real defect that is merely described like a dismissed finding,
 * or sits in code that looks like it, is still judged on its own.
 */
export function resembles(finding: FindingTraits, judged: FindingTraits): boolean {
  return (
    familyOf(finding.category) === familyOf(judged.category) &&
    (finding.language === null || judged.language === null || finding.language === judged.language) &&
    claimSimilarity(finding.claim, judged.claim) >= SIMILAR_CLAIM &&
    shapeSimilarity(finding.shape, judged.shape) >= SIMILAR_SHAPE
  );
}

function familyOf(category: string): string {
  return CATEGORY_FAMILY[category as Category] ?? category;
}
