import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadEnv, type SiftEnv } from '../../src/config/load-env.js';
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
  conversationModel: 'gpt-4.1',
  structuredOutput: 'auto',
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

describe('createModelClient for each provider, configured as the README shows', () => {
  const ROLES = ['reviewer', 'verifier', 'responder'] as const;

  /** One request per role, each answered; what reached the server, in role order. */
  async function askEveryRole(variables: NodeJS.ProcessEnv) {
    server.reply(...ROLES.map(() => ({ body: chatCompletion({ verdict: 'keep' }) })));
    const client = createModelClient(loadEnv(variables));
    for (const role of ROLES) await client.complete({ ...request, role });
    return server.requests;
  }

  it('OpenAI › /v1/chat/completions with the key as a Bearer token, each role with its model, strict json_schema', async () => {
    const sent = await askEveryRole({
      OPENAI_API_KEY: 'sk-proj-example',
      OPENAI_BASE_URL: server.baseURL, // api.openai.com in production
      SIFT_MODEL: 'gpt-4.1',
      SIFT_VERIFIER_MODEL: 'o4-mini',
      SIFT_CONVERSATION_MODEL: 'gpt-4.1-mini',
    });
    expect(sent.map((received) => [received.path, received.body.model])).toEqual([
      ['/v1/chat/completions', 'gpt-4.1'],
      ['/v1/chat/completions', 'o4-mini'],
      ['/v1/chat/completions', 'gpt-4.1-mini'],
    ]);
    for (const received of sent) {
      expect(received.headers.authorization).toBe('Bearer sk-proj-example');
      expect(received.body.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { strict: true },
      });
    }
  });

  describe('Azure OpenAI', () => {
    const azure = () => ({
      AZURE_OPENAI_ENDPOINT: server.baseURL.replace(/\/v1$/, '/'), // https://<resource>.openai.azure.com
      AZURE_OPENAI_API_KEY: 'azure-key-example',
      AZURE_OPENAI_DEPLOYMENT: 'sift-gpt-41',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
    });

    it('› each role to its deployment with the API version, the key in an api-key header and no Bearer token', async () => {
      const sent = await askEveryRole({
        ...azure(),
        SIFT_VERIFIER_MODEL: 'sift-o4-mini',
        SIFT_CONVERSATION_MODEL: 'sift-gpt-41-mini',
      });
      expect(sent.map((received) => received.path)).toEqual([
        '/openai/deployments/sift-gpt-41/chat/completions?api-version=2024-10-21',
        '/openai/deployments/sift-o4-mini/chat/completions?api-version=2024-10-21',
        '/openai/deployments/sift-gpt-41-mini/chat/completions?api-version=2024-10-21',
      ]);
      for (const received of sent) {
        expect(received.headers['api-key']).toBe('azure-key-example');
        expect(received.headers.authorization).toBeUndefined();
        expect(received.body.response_format).toMatchObject({ type: 'json_schema' });
      }
    });

    it('without role models › every role to AZURE_OPENAI_DEPLOYMENT', async () => {
      const sent = await askEveryRole(azure());
      expect(new Set(sent.map((received) => received.path))).toEqual(
        new Set(['/openai/deployments/sift-gpt-41/chat/completions?api-version=2024-10-21']),
      );
    });

    it('with OPENAI_BASE_URL also in the process environment (which the SDK reads by itself) › still Azure', async () => {
      vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/v1');
      try {
        const sent = await askEveryRole(azure());
        expect(sent).toHaveLength(3);
      } finally {
        vi.unstubAllEnvs();
      }
    });
  });

  it('an OpenAI-compatible server without json_schema (Ollama, older vLLM) and SIFT_STRUCTURED_OUTPUT=prompt › no response_format, the schema in the prompt', async () => {
    const sent = await askEveryRole({
      OPENAI_BASE_URL: server.baseURL, // http://localhost:11434/v1 for Ollama
      SIFT_MODEL: 'qwen2.5-coder:32b',
      SIFT_STRUCTURED_OUTPUT: 'prompt',
    });
    for (const received of sent) {
      expect(received.path).toBe('/v1/chat/completions');
      expect(received.body.model).toBe('qwen2.5-coder:32b');
      expect(received.body).not.toHaveProperty('response_format');
      const messages = received.body.messages as Array<{ content: string }>;
      expect(messages.at(-1)?.content).toContain('# Answer format');
    }
  });
});
