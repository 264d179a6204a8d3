import type { ReviewOutcome } from '../types.js';
import { FILTER_LABELS } from './filter-labels.js';

/** Findings held back, by reason, in the order of FILTER_LABELS: "2 below the confidence threshold; 1 …". */
export function describeHeldBack(filtered: ReviewOutcome['filtered']): string {
  const held = (Object.keys(FILTER_LABELS) as Array<keyof typeof FILTER_LABELS>)
    .filter((reason) => (filtered[reason] ?? 0) > 0)
    .map((reason) => `${filtered[reason]} ${FILTER_LABELS[reason]}`);
  return held.length === 0 ? 'none' : held.join('; ');
}
