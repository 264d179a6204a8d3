import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StructuredOutput } from '../../src/config/load-env.js';
import { ModelOutputInvalidError, ModelRequestRejectedError } from '../../src/errors.js';
import { createOpenAIModelClient } from '../../src/llm/openai-model-client.js';
import {
  apiError,
  chatCompletion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from './fake-openai-server.js';
import { verdictRequest } from './verdict-request.js';

// How each way of asking for JSON reaches the server, and how `auto` steps down when a server
// (older vLLM, Ollama, LM Studio, an old Azure API version) refuses one.

const request = verdictRequest;

const VALID = { verdict: 'keep', reason: null };
// What vLLM before structured outputs answered for a json_schema response_format.
const VLLM_REFUSAL = apiError(
  "1 validation error for ChatCompletionRequest\nresponse_format.type\n  Input should be 'text' or 'json_object'",
);
// What LM Studio answers for a json_object response_format.
const LM_STUDIO_REFUSAL = apiError("'response_format.type' must be 'json_schema' or 'text'");

let server: FakeOpenAIServer;

beforeEach(async () => {
  server = await startFakeOpenAIServer();
});

afterEach(async () => {
  await server.close();
});

function createClient(structuredOutput?: StructuredOutput) {
  const stepDowns: string[] = [];
  const delays: number[] = [];
  const openai = new OpenAI({ apiKey: 'test', baseURL: server.baseURL, maxRetries: 0, timeout: 10_000 });
  const client = createOpenAIModelClient(openai, {
    models: { reviewer: 'qwen2.5-coder', verifier: 'llama3.3' },
    maxOutputTokens: 1_000,
    maxAttempts: 3,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...(structuredOutput ? { structuredOutput } : {}),
    onStepDown: (message) => stepDowns.push(message),
  });
  return { client, stepDowns, delays };
}

const sent = (index: number) => server.requests[index]?.body ?? {};
const lastMessageOf = (body: Record<string, unknown>) =>
  ((body.messages as Array<{ content: string }> | undefined) ?? []).at(-1)?.content ?? '';

/** The schema as the prompt states it when it is not sent as `response_format`. */
const SCHEMA_IN_PROMPT = [
  '# Answer format',
  '"verdict": {',
  '"enum": [',
  '"Why, in one sentence; null when obvious."',
  '"required": [',
];

describe('structured output', () => {
  describe('json_object', () => {
    it('› JSON mode, the schema at the end of the last message, the answer checked against it', async () => {
      server.reply({ body: chatCompletion(VALID) });
      const { client } = createClient('json_object');

      await expect(client.complete(request)).resolves.toMatchObject({ value: VALID });
      expect(sent(0).response_format).toEqual({ type: 'json_object' });
      const messages = sent(0).messages as Array<{ role: string; content: string }>;
      expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
      expect(messages[0]?.content).toBe('You are Sift.');
      expect(messages[1]?.content).toMatch(
        /^Is the finding real\?\n\n# Answer format\n\nAnswer with one JSON object/,
      );
      for (const text of SCHEMA_IN_PROMPT) expect(messages[1]?.content).toContain(text);
    });
  });

  describe('prompt', () => {
    it('› no response_format at all, the schema in the prompt', async () => {
      server.reply({ body: chatCompletion(`\`\`\`json\n${JSON.stringify(VALID)}\n\`\`\``) });
      const { client } = createClient('prompt');

      await expect(client.complete(request)).resolves.toMatchObject({ value: VALID });
      expect(sent(0)).not.toHaveProperty('response_format');
      for (const text of SCHEMA_IN_PROMPT) expect(lastMessageOf(sent(0))).toContain(text);
    });

    it('an answer that does not match the schema › still rejected, retried, then ModelOutputInvalidError', async () => {
      const wrong = { body: chatCompletion({ verdict: 'probably' }) };
      server.reply(wrong, wrong, wrong);
      const { client } = createClient('prompt');

      const error = await client.complete(request).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ModelOutputInvalidError);
      expect((error as Error).message).toMatch(
        /^\[sift\] the verdict answer does not match its schema: verdict: /,
      );
      expect(server.requests).toHaveLength(3);
    });
  });

  describe('auto (the default)', () => {
    it('a server that takes json_schema › strict json_schema, the prompt as written', async () => {
      server.reply({ body: chatCompletion(VALID) });
      const { client, stepDowns } = createClient();

      await client.complete(request);
      expect(sent(0).response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } });
      expect(lastMessageOf(sent(0))).toBe('Is the finding real?');
      expect(stepDowns).toEqual([]);
    });

    it('a 400 naming response_format › asked again at once in JSON mode; that model keeps it, so the refusal is paid once', async () => {
      server.reply(
        { status: 400, body: VLLM_REFUSAL },
        { body: chatCompletion(VALID) },
        { body: chatCompletion(VALID) },
      );
      const { client, stepDowns, delays } = createClient();

      const first = await client.complete(request);
      const second = await client.complete(request);

      expect([first.value, second.value]).toEqual([VALID, VALID]);
      expect(
        server.requests.map((received) => (received.body.response_format as { type: string }).type),
      ).toEqual(['json_schema', 'json_object', 'json_object']);
      for (const index of [1, 2]) expect(lastMessageOf(sent(index))).toContain('# Answer format');
      expect(delays).toEqual([]);
      expect(stepDowns).toEqual([
        expect.stringMatching(
          /^\[sift\] the model server refused response_format json_schema for qwen2\.5-coder \(400 1 validation error .*\); asking for json_object from now on, with the schema in the prompt and every answer still checked against it \(set SIFT_STRUCTURED_OUTPUT=json_object to start there\)$/s,
        ),
      ]);
      // The refused request was sent and failed; the usage says so.
      expect(first.usage).toMatchObject({ calls: 1, attempts: 2, failedCalls: 1 });
    });

    it('json_object refused too › down to the prompt alone', async () => {
      server.reply(
        { status: 400, body: VLLM_REFUSAL },
        { status: 400, body: LM_STUDIO_REFUSAL },
        { body: chatCompletion(VALID) },
      );
      const { client, stepDowns } = createClient();

      await expect(client.complete(request)).resolves.toMatchObject({ value: VALID });
      expect(server.requests.map((received) => received.body.response_format ?? null)).toEqual([
        expect.objectContaining({ type: 'json_schema' }),
        { type: 'json_object' },
        null,
      ]);
      expect(stepDowns).toHaveLength(2);
      expect(stepDowns[1]).toContain('asking for prompt from now on');
    });

    it('each model steps down on its own: the verifier still asks for json_schema', async () => {
      server.reply(
        { status: 400, body: VLLM_REFUSAL },
        { body: chatCompletion(VALID) },
        { body: chatCompletion(VALID) },
      );
      const { client } = createClient();

      await client.complete(request);
      await client.complete({ ...request, role: 'verifier' });
      expect(sent(2).model).toBe('llama3.3');
      expect(sent(2).response_format).toMatchObject({ type: 'json_schema' });
    });

    it('parallel calls refused together › all are answered, and the step-down is told once', async () => {
      server.reply(
        { status: 400, body: VLLM_REFUSAL },
        { status: 400, body: VLLM_REFUSAL },
        { status: 400, body: VLLM_REFUSAL },
        { body: chatCompletion(VALID) },
        { body: chatCompletion(VALID) },
        { body: chatCompletion(VALID) },
      );
      const { client, stepDowns } = createClient();

      const answers = await Promise.all([
        client.complete(request),
        client.complete(request),
        client.complete(request),
      ]);
      expect(answers.map((answer) => answer.value)).toEqual([VALID, VALID, VALID]);
      expect(stepDowns).toHaveLength(1);
      expect(server.requests.slice(3).map((received) => received.body.response_format)).toEqual([
        { type: 'json_object' },
        { type: 'json_object' },
        { type: 'json_object' },
      ]);
    });

    it('a 400 about something else (the prompt is too long) › ModelRequestRejectedError, no step-down', async () => {
      server.reply({
        status: 400,
        body: apiError(
          "This model's maximum context length is 32768 tokens. However, you requested 40000 tokens.",
        ),
      });
      const { client, stepDowns } = createClient();

      await expect(client.complete(request)).rejects.toBeInstanceOf(ModelRequestRejectedError);
      expect(server.requests).toHaveLength(1);
      expect(stepDowns).toEqual([]);
    });
  });

  describe('json_schema, chosen explicitly', () => {
    it('a 400 naming response_format › ModelRequestRejectedError; nothing weaker is tried', async () => {
      server.reply({ status: 400, body: VLLM_REFUSAL });
      const { client, stepDowns } = createClient('json_schema');

      await expect(client.complete(request)).rejects.toBeInstanceOf(ModelRequestRejectedError);
      expect(server.requests).toHaveLength(1);
      expect(stepDowns).toEqual([]);
    });
  });
});
