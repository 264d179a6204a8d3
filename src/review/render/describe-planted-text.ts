import type { ReviewOutcome } from '../types.js';
import { plural } from './plural.js';

/**
 * The sentence that tells maintainers their pull request speaks to AI reviewers, when a finding
 * repeated what it planted; null when none did. Shared by the check run and the CLI reports.
 */
export function describePlantedText(outcome: Pick<ReviewOutcome, 'plantedText'>): string | null {
  const planted = outcome.plantedText;
  if (planted === null) return null;
  const places = planted.where.length > 0 ? planted.where.join(', ') : 'the pull request';
  return `Text addressed to AI reviewers was found in ${places}. Sift reads it as data; ${plural(planted.findings, 'finding')} repeated words it planted, which were left out of what Sift posted.`;
}
