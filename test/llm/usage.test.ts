import { describe, expect, it } from 'vitest';
import type { ModelUsage } from '../../src/llm/model-client.js';
import { addUsage, NO_USAGE, ONE_FAILED_ATTEMPT } from '../../src/llm/usage.js';

const review: ModelUsage = {
  calls: 1,
  attempts: 1,
  failedCalls: 0,
  promptTokens: 12_000,
  completionTokens: 800,
  cachedPromptTokens: 0,
};
const secondPass: ModelUsage = {
  calls: 1,
  attempts: 1,
  failedCalls: 0,
  promptTokens: 12_100,
  completionTokens: 650,
  cachedPromptTokens: 11_264,
};
/** A call whose first answer did not match the schema: both answers' tokens were paid for. */
const retried: ModelUsage = {
  calls: 1,
  attempts: 2,
  failedCalls: 1,
  promptTokens: 3_000,
  completionTokens: 90,
  cachedPromptTokens: 1_024,
};

describe('addUsage', () => {
  it.each([
    ['nothing', [], NO_USAGE],
    ['one call', [review], review],
    ['NO_USAGE and a call', [NO_USAGE, review], review],
    [
      'several calls, one retried, and a timeout',
      [review, secondPass, retried, ONE_FAILED_ATTEMPT],
      {
        calls: 3,
        attempts: 5,
        failedCalls: 2,
        promptTokens: 27_100,
        completionTokens: 1_540,
        cachedPromptTokens: 12_288,
      },
    ],
  ])('%s › summed field by field', (_, usages, expected) => {
    expect(addUsage(...usages)).toEqual(expected);
  });

  it('does not change its arguments or NO_USAGE', () => {
    addUsage(review, secondPass);
    expect(review).toMatchObject({ calls: 1, attempts: 1, promptTokens: 12_000 });
    expect(NO_USAGE).toEqual({
      calls: 0,
      attempts: 0,
      failedCalls: 0,
      promptTokens: 0,
      completionTokens: 0,
      cachedPromptTokens: 0,
    });
  });
});
