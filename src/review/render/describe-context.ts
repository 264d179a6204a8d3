import type { ReviewOutcome } from '../types.js';
import { plural } from './plural.js';

/** The cross-file context a review had: how much of the budget it used, or why there was none. */
export function describeContext(context: ReviewOutcome['context']): string {
  if (context.status === 'off') return 'off';
  if (context.status === 'unavailable')
    return `unavailable (${context.reason}); the diff was reviewed on its own`;
  const omitted = context.omitted > 0 ? `; ${plural(context.omitted, 'more snippet')} did not fit` : '';
  const tokens = `${context.tokens.toLocaleString('en-US')} of ${context.budget.toLocaleString('en-US')} tokens`;
  return `${plural(context.snippets, 'snippet')} from ${plural(context.files, 'file')}, ${tokens}${omitted}`;
}
