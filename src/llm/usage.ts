import type { ModelUsage } from './model-client.js';

export const NO_USAGE: ModelUsage = {
  calls: 0,
  attempts: 0,
  failedCalls: 0,
  promptTokens: 0,
  completionTokens: 0,
  cachedPromptTokens: 0,
};

/** One request that failed before the provider reported any tokens (a timeout, a 503). */
export const ONE_FAILED_ATTEMPT: ModelUsage = { ...NO_USAGE, attempts: 1, failedCalls: 1 };

/** Sums the usage of several model calls. */
export function addUsage(...usages: readonly ModelUsage[]): ModelUsage {
  return usages.reduce(
    (total, usage) => ({
      calls: total.calls + usage.calls,
      attempts: total.attempts + usage.attempts,
      failedCalls: total.failedCalls + usage.failedCalls,
      promptTokens: total.promptTokens + usage.promptTokens,
      completionTokens: total.completionTokens + usage.completionTokens,
      cachedPromptTokens: total.cachedPromptTokens + usage.cachedPromptTokens,
    }),
    NO_USAGE,
  );
}
