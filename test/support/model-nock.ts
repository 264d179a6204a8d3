import nock from 'nock';
import OpenAI from 'openai';
import type { ModelClient } from '../../src/llm/model-client.js';
import { createOpenAIModelClient } from '../../src/llm/openai-model-client.js';

export const OPENAI_API = 'https://api.openai.com';

/** The requests Sift sent to the model, as parsed JSON bodies. */
export type ModelRequests = Array<{ model: string; messages: Array<{ role: string; content: string }> }>;

/** A model client over the real OpenAI SDK, pointed at api.openai.com (answered by nock), with no waiting between retries. */
export function createTestModelClient(options: { maxAttempts?: number } = {}): ModelClient {
  return createOpenAIModelClient(new OpenAI({ apiKey: 'sk-test', maxRetries: 0 }), {
    models: { reviewer: 'gpt-test' },
    maxOutputTokens: 4_096,
    maxAttempts: options.maxAttempts ?? 3,
    sleep: async () => {},
  });
}

/** A chat completion whose message content is `answer` serialised as JSON. */
export function completion(
  answer: unknown,
  overrides: { finish_reason?: string; refusal?: string | null } = {},
) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'gpt-test',
    choices: [
      {
        index: 0,
        finish_reason: overrides.finish_reason ?? 'stop',
        message: {
          role: 'assistant',
          content: typeof answer === 'string' ? answer : JSON.stringify(answer),
          refusal: overrides.refusal ?? null,
        },
      },
    ],
    usage: {
      prompt_tokens: 1_200,
      completion_tokens: 150,
      total_tokens: 1_350,
      prompt_tokens_details: { cached_tokens: 0 },
    },
  };
}

/** Answers the next model call with `answer` and records the request. */
export function nockModelAnswer(answer: unknown, requests?: ModelRequests): nock.Scope {
  return nock(OPENAI_API)
    .post('/v1/chat/completions', (body: ModelRequests[number]) => {
      requests?.push(body);
      return true;
    })
    .reply(200, completion(answer));
}

/** Fails the next `times` model calls with an HTTP status. */
export function nockModelFailure(
  status: number,
  times = 1,
  headers: Record<string, string> = {},
): nock.Scope {
  return nock(OPENAI_API)
    .post('/v1/chat/completions')
    .times(times)
    .reply(status, { error: { message: `upstream said ${status}`, type: 'server_error' } }, headers);
}
