import type { ModelUsage } from '../../llm/model-client.js';
import { plural } from './plural.js';

/** What the model calls of a review cost: calls, prompt tokens (and how many the cache served), completion tokens. */
export function describeUsage(usage: ModelUsage): string {
  const count = (value: number) => value.toLocaleString('en-US');
  return `${plural(usage.calls, 'call')}, ${count(usage.promptTokens)} prompt tokens (${count(usage.cachedPromptTokens)} cached), ${count(usage.completionTokens)} completion tokens`;
}
