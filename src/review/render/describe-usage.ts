import type { ModelUsage } from '../../llm/model-client.js';
import { plural } from './plural.js';

/**
 * What the model calls of a review cost: every request sent, failed ones named only when there
 * were some (a retry is paid for like any call), prompt tokens (and how many the cache served),
 * completion tokens.
 */
export function describeUsage(usage: ModelUsage): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const failed = usage.failedCalls > 0 ? ` (${count(usage.failedCalls)} failed)` : '';
  return `${plural(usage.attempts, 'call')}${failed}, ${count(usage.promptTokens)} prompt tokens (${count(usage.cachedPromptTokens)} cached), ${count(usage.completionTokens)} completion tokens`;
}
