import type { ModelUsage } from './model-client.js';

export const NO_USAGE: ModelUsage = { calls: 0, promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };

/** Sums the usage of several model calls. */
export function addUsage(...usages: readonly ModelUsage[]): ModelUsage {
  return usages.reduce(
    (total, usage) => ({
      calls: total.calls + usage.calls,
      promptTokens: total.promptTokens + usage.promptTokens,
      completionTokens: total.completionTokens + usage.completionTokens,
      cachedPromptTokens: total.cachedPromptTokens + usage.cachedPromptTokens,
    }),
    NO_USAGE,
  );
}
