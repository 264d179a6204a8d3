import { getEventListeners } from 'node:events';
import OpenAI, { APIUserAbortError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ModelConfigurationError,
  ModelError,
  ModelOutputInvalidError,
  ModelOutputTruncatedError,
  ModelRateLimitedError,
  ModelRefusalError,
  ModelRequestRejectedError,
  ModelTimeoutError,
  ModelUnavailableError,
} from '../../src/errors.js';
import { createOpenAIModelClient } from '../../src/llm/openai-model-client.js';
import { sleep } from '../../src/llm/sleep.js';
import { collectWarnings } from './collect-warnings.js';
import {
  apiError,
  chatCompletion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from './fake-openai-server.js';
import { verdictRequest } from './verdict-request.js';

const request = verdictRequest;

const VALID = { verdict: 'keep', reason: 'The loop never terminates for an empty list.' };
const MAX_OUTPUT_TOKENS = 1_000;

let server: FakeOpenAIServer;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
});

afterEach(async () => {
  await server.close();
});

/** The model client over the real SDK, pointed at the fake server; delays are recorded, not waited. */
function createClient(
  options: { maxAttempts?: number; timeout?: number; models?: Record<string, string> } = {},
) {
  const delays: number[] = [];
  const retries: string[] = [];
  const openai = new OpenAI({
    apiKey: 'test',
    baseURL: server.baseURL,
    maxRetries: 0,
    timeout: options.timeout ?? 10_000,
  });
  const client = createOpenAIModelClient(openai, {
    models: { reviewer: 'gpt-4.1', ...options.models },
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    maxAttempts: options.maxAttempts ?? 3,
    sleep: async (ms) => {
      delays.push(ms);
    },
    onRetry: (message) => retries.push(message),
  });
  return { client, delays, retries };
}

/** Awaits a promise expected to reject and returns what it rejected with. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('openai model client', () => {
  describe('a valid answer', () => {
    it('is parsed, with the model that answered and the usage including cached prompt tokens', async () => {
      server.reply({ body: chatCompletion(VALID) });
      const { client, delays } = createClient();

      await expect(client.complete(request)).resolves.toEqual({
        value: VALID,
        model: 'gpt-4.1-2025-04-14',
        usage: {
          calls: 1,
          attempts: 1,
          failedCalls: 0,
          promptTokens: 2_000,
          completionTokens: 120,
          cachedPromptTokens: 1_536,
        },
      });
      expect(server.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('without usage details (some compatible servers) › zero cached tokens', async () => {
      server.reply({
        body: chatCompletion(VALID, { usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }),
      });
      const { value, usage } = await createClient().client.complete(request);
      expect(value).toEqual(VALID);
      expect(usage).toEqual({
        calls: 1,
        attempts: 1,
        failedCalls: 0,
        promptTokens: 10,
        completionTokens: 5,
        cachedPromptTokens: 0,
      });
    });

    it('wrapped in a ```json fence (servers that ignore response_format) › parsed', async () => {
      server.reply({ body: chatCompletion(`\`\`\`json\n${JSON.stringify(VALID, null, 2)}\n\`\`\``) });
      await expect(createClient().client.complete(request)).resolves.toMatchObject({ value: VALID });
    });
  });

  describe('the request', () => {
    it('asks for a strict json_schema answer with the messages, the model and the output limit', async () => {
      server.reply({ body: chatCompletion(VALID) });
      await createClient().client.complete(request);

      const [sent] = server.requests;
      expect(sent?.method).toBe('POST');
      expect(sent?.path).toBe('/v1/chat/completions');
      expect(sent?.headers.authorization).toBe('Bearer test');
      expect(sent?.body).toEqual({
        model: 'gpt-4.1',
        messages: [
          { role: 'system', content: 'You are Sift.' },
          { role: 'user', content: 'Is the finding real?' },
        ],
        max_completion_tokens: MAX_OUTPUT_TOKENS,
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'verdict',
            strict: true,
            schema: {
              type: 'object',
              properties: {
                verdict: {
                  type: 'string',
                  enum: ['keep', 'drop'],
                  description: 'Whether the finding survives.',
                },
                reason: { type: ['string', 'null'], description: 'Why, in one sentence; null when obvious.' },
              },
              required: ['verdict', 'reason'],
              additionalProperties: false,
            },
          },
        },
      });
    });

    it.each([
      ['reviewer', 'gpt-review'],
      ['verifier', 'gpt-verify'],
      ['responder', 'gpt-review'],
    ] as const)('role %s › sent to %s (a role without a model uses the reviewer’s)', async (role, model) => {
      server.reply({ body: chatCompletion(VALID) });
      const { client } = createClient({ models: { reviewer: 'gpt-review', verifier: 'gpt-verify' } });
      await client.complete({ ...request, role });
      expect(server.requests[0]?.body.model).toBe(model);
    });
  });

  describe('rate limiting (429)', () => {
    it('with `retry-after: 1` › waits the second the provider asked for, then succeeds', async () => {
      server.reply(
        { status: 429, headers: { 'retry-after': '1' }, body: apiError('Rate limit reached', 'requests') },
        { body: chatCompletion(VALID) },
      );
      const { client, delays, retries } = createClient();

      await expect(client.complete(request)).resolves.toMatchObject({ value: VALID });
      expect(server.requests).toHaveLength(2);
      expect(delays).toEqual([1_000]);
      expect(retries).toEqual([
        'ModelRateLimitedError on attempt 1 of 3 (verdict): 429 Rate limit reached; retrying in 1000 ms',
      ]);
    });

    it('with `retry-after-ms` › waits that many milliseconds', async () => {
      server.reply(
        {
          status: 429,
          headers: { 'retry-after-ms': '250' },
          body: apiError('Rate limit reached', 'requests'),
        },
        { body: chatCompletion(VALID) },
      );
      const { client, delays } = createClient();
      await client.complete(request);
      expect(delays).toEqual([250]);
    });

    it('asking to wait longer than a minute › fails at once rather than holding the review', async () => {
      server.reply({
        status: 429,
        headers: { 'retry-after': '3600' },
        body: apiError('You exceeded your current quota', 'insufficient_quota'),
      });
      const { client, delays } = createClient();
      const error = await rejectionOf(client.complete(request));
      expect(error).toBeInstanceOf(ModelRateLimitedError);
      expect((error as ModelRateLimitedError).retryAfterMs).toBe(3_600_000);
      expect(server.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    });
  });

  describe('server errors', () => {
    it.each([500, 502, 503])(
      '%i on every attempt › retried with growing backoff, then ModelUnavailableError',
      async (status) => {
        server.reply(
          { status, body: apiError('The server had an error', 'server_error') },
          { status, body: apiError('The server had an error', 'server_error') },
          { status, body: apiError('The server had an error', 'server_error') },
        );
        const { client, delays } = createClient({ maxAttempts: 3 });

        const error = await rejectionOf(client.complete(request));
        expect(error).toBeInstanceOf(ModelUnavailableError);
        expect((error as ModelError).userMessage).toMatch(/unavailable/);
        expect(server.requests).toHaveLength(3);
        expect(delays).toHaveLength(2);
        // Full jitter: the nth wait is anywhere up to 1 s × 2^(n-1).
        expect(delays[0]).toBeGreaterThanOrEqual(0);
        expect(delays[0]).toBeLessThanOrEqual(1_000);
        expect(delays[1]).toBeLessThanOrEqual(2_000);
      },
    );

    it('503 once › the retry succeeds', async () => {
      server.reply(
        { status: 503, body: apiError('Overloaded', 'server_error') },
        { body: chatCompletion(VALID) },
      );
      const { client, delays } = createClient();
      await expect(client.complete(request)).resolves.toMatchObject({ value: VALID });
      expect(delays).toHaveLength(1);
    });
  });

  describe('errors only an operator can fix', () => {
    it.each([
      { status: 401, error: ModelConfigurationError, message: 'Incorrect API key provided' },
      {
        status: 403,
        error: ModelConfigurationError,
        message: 'Project does not have access to model gpt-4.1',
      },
      { status: 404, error: ModelConfigurationError, message: 'The model `gpt-4.1` does not exist' },
      {
        status: 400,
        error: ModelRequestRejectedError,
        message: "This model's maximum context length is 128000 tokens",
      },
      { status: 422, error: ModelRequestRejectedError, message: 'Unprocessable entity' },
    ])('$status › $error.name at once, without a retry', async ({ status, error: ErrorClass, message }) => {
      server.reply({ status, body: apiError(message) });
      const { client, delays } = createClient();

      const error = await rejectionOf(client.complete(request));
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as Error).message).toContain(message);
      expect(server.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('401 › tells the user which settings to check', async () => {
      server.reply({ status: 401, body: apiError('Incorrect API key provided') });
      const error = await rejectionOf(createClient().client.complete(request));
      expect((error as ModelError).userMessage).toContain('OPENAI_API_KEY');
    });
  });

  describe('refusals', () => {
    it('a refusal › ModelRefusalError quoting it, without a retry', async () => {
      server.reply({ body: chatCompletion(null, { refusal: "I'm sorry, I can't help with that." }) });
      const { client } = createClient();

      const error = await rejectionOf(client.complete(request));
      expect(error).toBeInstanceOf(ModelRefusalError);
      expect((error as Error).message).toBe("[sift] the model refused: I'm sorry, I can't help with that.");
      expect(server.requests).toHaveLength(1);
    });

    it('finish_reason content_filter › ModelRefusalError, without a retry', async () => {
      server.reply({ body: chatCompletion('{"verdict":', { finish_reason: 'content_filter' }) });
      const { client } = createClient();

      const error = await rejectionOf(client.complete(request));
      expect(error).toBeInstanceOf(ModelRefusalError);
      expect((error as Error).message).toContain('content filter');
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('unusable output', () => {
    it.each([
      [
        'prose instead of JSON',
        'The finding looks valid to me.',
        /is not JSON: "The finding looks valid to me."/,
      ],
      ['JSON of the wrong shape', { verdict: 'maybe' }, /does not match its schema: verdict: .*; reason: /],
      ['an empty answer', '', /is not JSON/],
    ])('%s on every attempt › retried, then ModelOutputInvalidError', async (_, content, message) => {
      server.reply(
        { body: chatCompletion(content) },
        { body: chatCompletion(content) },
        { body: chatCompletion(content) },
      );
      const { client, retries } = createClient({ maxAttempts: 3 });

      const error = await rejectionOf(client.complete(request));
      expect(error).toBeInstanceOf(ModelOutputInvalidError);
      expect((error as Error).message).toMatch(message);
      expect(server.requests).toHaveLength(3);
      expect(retries).toHaveLength(2);
    });

    it('prose once › the retry’s valid answer is used', async () => {
      server.reply({ body: chatCompletion('Sure! Here is the JSON:') }, { body: chatCompletion(VALID) });
      await expect(createClient().client.complete(request)).resolves.toMatchObject({ value: VALID });
      expect(server.requests).toHaveLength(2);
    });
  });

  describe('an answer cut off by the token limit (finish_reason length)', () => {
    it('is retried with twice the room each time, capped at four times, then ModelOutputTruncatedError', async () => {
      const cut = () => ({
        body: chatCompletion('{"verdict":"keep","reason":"The lo', {
          finish_reason: 'length',
          usage: { prompt_tokens: 2_000, completion_tokens: 1_000, total_tokens: 3_000 },
        }),
      });
      server.reply(cut(), cut(), cut(), cut());
      const { client } = createClient({ maxAttempts: 4 });

      const error = await rejectionOf(client.complete(request));
      expect(error).toBeInstanceOf(ModelOutputTruncatedError);
      expect((error as Error).message).toBe('[sift] the verdict answer was cut off after 1000 tokens');
      expect(server.requests.map((sent) => sent.body.max_completion_tokens)).toEqual([
        1_000, 2_000, 4_000, 4_000,
      ]);
    });

    it('once › the second request has double the limit and its answer is used', async () => {
      server.reply(
        { body: chatCompletion('{"verdict":"ke', { finish_reason: 'length' }) },
        { body: chatCompletion(VALID) },
      );
      await expect(createClient().client.complete(request)).resolves.toMatchObject({ value: VALID });
      expect(server.requests.map((sent) => sent.body.max_completion_tokens)).toEqual([1_000, 2_000]);
    });
  });

  describe('usage across attempts', () => {
    const answered = (promptTokens: number, completionTokens: number) => ({
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    });

    it('a 503, then an answer that does not match the schema, then a valid one › 3 attempts, 2 failed, the tokens of both answers', async () => {
      server.reply(
        { status: 503, body: apiError('Overloaded', 'server_error') },
        { body: chatCompletion({ verdict: 'maybe' }, { usage: answered(2_000, 40) }) },
        { body: chatCompletion(VALID, { usage: answered(2_000, 120) }) },
      );
      const { usage } = await createClient().client.complete(request);
      expect(usage).toEqual({
        calls: 1,
        attempts: 3,
        failedCalls: 2,
        promptTokens: 4_000,
        completionTokens: 160,
        cachedPromptTokens: 0,
      });
    });

    it('unusable answers until the attempts run out › the error carries every attempt and every answer’s tokens', async () => {
      const cut = {
        body: chatCompletion('{"verdict":"ke', { finish_reason: 'length', usage: answered(2_000, 1_000) }),
      };
      server.reply({ status: 500, body: apiError('The server had an error', 'server_error') }, cut, cut);
      const error = await rejectionOf(createClient({ maxAttempts: 3 }).client.complete(request));
      expect(error).toBeInstanceOf(ModelOutputTruncatedError);
      expect((error as ModelError).usage).toEqual({
        calls: 0,
        attempts: 3,
        failedCalls: 3,
        promptTokens: 4_000,
        completionTokens: 2_000,
        cachedPromptTokens: 0,
      });
    });

    it('an error that is not retried (401) › it carries its one failed attempt', async () => {
      server.reply({ status: 401, body: apiError('Incorrect API key provided') });
      const error = await rejectionOf(createClient().client.complete(request));
      expect((error as ModelError).usage).toEqual({
        calls: 0,
        attempts: 1,
        failedCalls: 1,
        promptTokens: 0,
        completionTokens: 0,
        cachedPromptTokens: 0,
      });
    });
  });

  describe('each retry', () => {
    it('is reported in one line with the attempt, the reason and the wait, and without the prompt', async () => {
      server.reply(
        { status: 503, body: apiError('Overloaded', 'server_error') },
        { body: chatCompletion('Sure! Here is the JSON:') },
        { body: chatCompletion(VALID) },
      );
      const { client, retries } = createClient({ maxAttempts: 3 });
      await client.complete(request);
      expect(retries).toEqual([
        expect.stringMatching(
          /^ModelUnavailableError on attempt 1 of 3 \(verdict\): 503 Overloaded; retrying in \d+ ms$/,
        ),
        expect.stringMatching(
          /^ModelOutputInvalidError on attempt 2 of 3 \(verdict\): \[sift\] the verdict answer is not JSON: "Sure! Here is the JSON:"; retrying in \d+ ms$/,
        ),
      ]);
      for (const line of retries) {
        for (const message of request.messages) expect(line).not.toContain(message.content);
      }
    });
  });

  describe('a server that never answers', () => {
    it('› ModelTimeoutError once the SDK timeout passes, after retrying', async () => {
      server.reply({ hang: true }, { hang: true });
      const { client, delays } = createClient({ timeout: 200, maxAttempts: 2 });

      const error = await rejectionOf(client.complete(request));
      expect(error).toBeInstanceOf(ModelTimeoutError);
      expect((error as ModelError).userMessage).toBe('The model did not answer in time.');
      expect(server.requests).toHaveLength(2);
      expect(delays).toHaveLength(1);
    });
  });

  describe('an abort signal', () => {
    it('aborted mid-request › rejects promptly, with no retry', async () => {
      server.reply({ hang: true }, { body: chatCompletion(VALID) });
      const { client, delays } = createClient({ timeout: 10_000 });
      const controller = new AbortController();

      const started = Date.now();
      const pending = rejectionOf(client.complete({ ...request, signal: controller.signal }));
      await server.received(1);
      controller.abort();
      const error = await pending;

      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error).not.toBeInstanceOf(ModelError);
      // The SDK's own abort error, left unclassified: an abort is Sift's decision, not a model failure.
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(server.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('aborted while waiting to retry › stops waiting at once and sends nothing more', async () => {
      server.reply(
        { status: 503, body: apiError('Overloaded', 'server_error') },
        { body: chatCompletion(VALID) },
      );
      const controller = new AbortController();
      const client = createOpenAIModelClient(
        new OpenAI({ apiKey: 'test', baseURL: server.baseURL, maxRetries: 0, timeout: 10_000 }),
        {
          models: { reviewer: 'gpt-4.1' },
          maxOutputTokens: MAX_OUTPUT_TOKENS,
          maxAttempts: 3,
          // The real sleep, with a backoff long enough that only the abort can end it in time.
          sleep: (ms, signal) => sleep(ms + 60_000, signal),
          onRetry: () => controller.abort(new Error('superseded')),
        },
      );

      const started = Date.now();
      const error = await rejectionOf(client.complete({ ...request, signal: controller.signal }));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error).not.toBeInstanceOf(ModelError);
      expect(server.requests).toHaveLength(1);
    });

    it('one signal through an outage of 50 failed attempts › no listener left on it and no MaxListenersExceededWarning', async () => {
      server.reply(
        ...Array.from({ length: 50 }, () => ({ status: 503, body: apiError('Overloaded', 'server_error') })),
      );
      const controller = new AbortController();
      const warnings = collectWarnings();
      const { client } = createClient({ maxAttempts: 50 });

      const error = await rejectionOf(client.complete({ ...request, signal: controller.signal }));
      expect(error).toBeInstanceOf(ModelUnavailableError);
      expect(server.requests).toHaveLength(50);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      expect(await warnings.stop()).toEqual([]);
    });

    it('aborted before the call › rejects without sending anything', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejectionOf(
        createClient().client.complete({ ...request, signal: controller.signal }),
      );
      expect(error).toBeInstanceOf(APIUserAbortError);
      expect(server.requests).toHaveLength(0);
    });
  });
});
