import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SiftEnv } from '../../src/config/load-env.js';
import { ModelAnswerTooLargeError, type ModelError } from '../../src/errors.js';
import { createModelClient } from '../../src/llm/create-model-client.js';
import { chatCompletion, type FakeOpenAIServer, startFakeOpenAIServer } from './fake-openai-server.js';

let server: FakeOpenAIServer;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
});

afterEach(async () => {
  await server.close();
});

const env = (): SiftEnv => ({
  provider: { kind: 'openai', apiKey: 'test', baseURL: server.baseURL },
  model: 'gpt-4.1',
  verifierModel: 'gpt-4.1',
  modelTimeoutMs: 10_000,
  modelMaxAttempts: 3,
  maxOutputTokens: 1_000,
  maxPromptTokens: 100_000,
  modelConcurrency: 2,
  workerConcurrency: 1,
  cacheDir: '/nonexistent',
  cacheMaxBytes: 0,
});

const request = {
  role: 'reviewer',
  messages: [{ role: 'user', content: 'Is the finding real?' }],
  schema: z.object({ verdict: z.enum(['keep', 'drop']).describe('Whether the finding survives.') }),
  schemaName: 'verdict',
} as const;

describe('createModelClient', () => {
  it('an answer of ordinary size › read and parsed', async () => {
    server.reply({ body: chatCompletion({ verdict: 'keep' }) });
    await expect(createModelClient(env()).complete(request)).resolves.toMatchObject({
      value: { verdict: 'keep' },
    });
  });

  it('a prompt holding the configured API key or another of Sift’s credentials › sent with both withheld', async () => {
    // A key of no known shape (an Azure or gateway key): only knowing its value can catch it.
    const apiKey = 'azk-7f3a9c2e5b1d8f4a6c0e9b2d';
    const webhookSecret = 'whs-0b9c8d7e6f5a4b3c2d1e';
    server.reply({ body: chatCompletion({ verdict: 'keep' }) });
    const client = createModelClient(
      { ...env(), provider: { kind: 'openai', apiKey, baseURL: server.baseURL } },
      { credentials: [webhookSecret] },
    );
    await client.complete({
      ...request,
      messages: [{ role: 'user', content: `+const key = '${apiKey}'; // and ${webhookSecret}` }],
    });

    const sent = JSON.stringify(server.requests[0]?.body);
    expect(sent).toContain("+const key = '[redacted secret]'; // and [redacted secret]");
    expect(sent).not.toContain(apiKey);
    expect(sent).not.toContain(webhookSecret);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it('an answer that never ends (a server ignoring the token limit) › fails past 8 MiB, hangs up and does not ask again', async () => {
    server.reply({ endless: true }, { endless: true }, { endless: true });

    const error = await createModelClient(env())
      .complete(request)
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ModelAnswerTooLargeError);
    expect((error as ModelError).message).toBe("[sift] the model's answer exceeded 8 MiB");
    expect((error as ModelError).usage).toMatchObject({ calls: 0, attempts: 1, failedCalls: 1 });
    expect(server.requests).toHaveLength(1);
    while (!server.endlessAnswers[0]?.hungUp) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(server.endlessAnswers[0]?.bytesSent).toBeLessThan(64 * 1024 * 1024);
  });
});
