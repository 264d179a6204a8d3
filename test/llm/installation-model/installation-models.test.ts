import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SiftEnv } from '../../../src/config/load-env.js';
import {
  createInstallationModels,
  openInstallationModel,
  sealInstallationModel,
} from '../../../src/llm/installation-model/installation-models.js';
import { modelOfInstallation } from '../../../src/llm/installation-model/model-of-installation.js';
import { SealedSecretError } from '../../../src/llm/installation-model/seal-secret.js';
import type { ModelClient } from '../../../src/llm/model-client.js';
import { createInMemoryStore } from '../../../src/store/in-memory-store.js';
import { chatCompletion, type FakeOpenAIServer, startFakeOpenAIServer } from '../fake-openai-server.js';

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await server.close();
});

const KEY = randomBytes(32);
const OWN = { baseUrl: null, model: 'acme-gpt', verifierModel: null, apiKey: 'sk-acme-own-0123456789' };

const serverEnv = (): SiftEnv => ({
  provider: { kind: 'openai', apiKey: 'sk-server', baseURL: 'http://127.0.0.1:9/v1' },
  model: 'gpt-4.1',
  verifierModel: 'gpt-4.1',
  conversationModel: 'gpt-4.1',
  structuredOutput: 'auto',
  modelTimeoutMs: 10_000,
  modelMaxAttempts: 1,
  maxOutputTokens: 1_000,
  maxPromptTokens: 100_000,
  modelConcurrency: 2,
  workerConcurrency: 1,
  cacheDir: '/nonexistent',
  cacheMaxBytes: 0,
});

const request = {
  role: 'verifier',
  messages: [{ role: 'user', content: 'Is the finding real?' }],
  schema: z.object({ verdict: z.enum(['keep', 'drop']) }),
  schemaName: 'verdict',
} as const;

/** The sealed value with the first character of its body changed. */
const damaged = (sealed: string) => {
  const [version, iv, tag, body = ''] = sealed.split('.');
  return [version, iv, tag, `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`].join('.');
};

describe('sealed installation model settings', () => {
  it('sealed › the key is not in the stored text, and opens to what was sealed', () => {
    const sealed = sealInstallationModel(OWN, KEY, 42);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(OWN.apiKey);
    expect(openInstallationModel(sealed, KEY, 42)).toEqual(OWN);
  });

  it.each([
    ['another key', () => openInstallationModel(sealInstallationModel(OWN, KEY, 42), randomBytes(32), 42)],
    ['another installation', () => openInstallationModel(sealInstallationModel(OWN, KEY, 42), KEY, 7)],
    ['a damaged value', () => openInstallationModel(damaged(sealInstallationModel(OWN, KEY, 42)), KEY, 42)],
  ])('opened with %s › refused, naming why', (_, open) => {
    expect(open).toThrow(SealedSecretError);
  });
});

describe('createInstallationModels', () => {
  it("an installation with its own model › its requests go to its endpoint, with its key and model; another's use the server's", async () => {
    const store = createInMemoryStore();
    await store.saveInstallationModel(
      42,
      sealInstallationModel({ ...OWN, baseUrl: server.baseURL }, KEY, 42),
    );
    const modelFor = createInstallationModels({
      store,
      key: KEY,
      env: serverEnv(),
      options: {},
      log: pino({ level: 'silent' }),
    });
    server.reply({ body: chatCompletion({ verdict: 'keep' }) });

    const own = await modelFor(42);
    await expect(own?.complete(request)).resolves.toMatchObject({ value: { verdict: 'keep' } });
    expect(await modelFor(42)).toBe(own);
    expect(await modelFor(7)).toBeNull();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${OWN.apiKey}`);
    expect(server.requests[0]?.body).toMatchObject({ model: 'acme-gpt' });
  });

  it('settings removed › the server model again', async () => {
    const store = createInMemoryStore();
    await store.saveInstallationModel(42, sealInstallationModel(OWN, KEY, 42));
    const modelFor = createInstallationModels({
      store,
      key: KEY,
      env: serverEnv(),
      options: {},
      log: pino({ level: 'silent' }),
    });
    expect(await modelFor(42)).not.toBeNull();
    await store.saveInstallationModel(42, null);
    expect(await modelFor(42)).toBeNull();
  });
});

describe('modelOfInstallation', () => {
  const answering = (answer: string): ModelClient => ({
    complete: async () => ({ value: answer, usage: undefined }) as never,
  });

  it('without own models › the server model itself', () => {
    const serverModel = answering('server');
    expect(modelOfInstallation(serverModel, undefined, 42)).toBe(serverModel);
  });

  it('an installation without its own › the server model; with one › its own', async () => {
    const modelFor = async (id: number) => (id === 42 ? answering('own') : null);
    await expect(
      modelOfInstallation(answering('server'), modelFor, 7).complete(request),
    ).resolves.toMatchObject({
      value: 'server',
    });
    await expect(
      modelOfInstallation(answering('server'), modelFor, 42).complete(request),
    ).resolves.toMatchObject({
      value: 'own',
    });
  });
});
