import { ModelError } from '../errors.js';
import type { ModelUsage } from './model-client.js';
import { NO_USAGE } from './usage.js';

/**
 * What a failed model call spent, to add to the review's usage: a model error carries it. An abort
 * or a programming error carries nothing: the first ends the review, the second is a bug to fix.
 */
export function usageOfFailure(error: unknown): ModelUsage {
  return error instanceof ModelError ? error.usage : NO_USAGE;
}
