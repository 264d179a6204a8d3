import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/load-env.js';
import { EnvInvalidError } from '../../src/errors.js';

/** Runs loadEnv and returns the error it throws, failing the test if it does not throw. */
function loadEnvError(env: NodeJS.ProcessEnv): EnvInvalidError {
  try {
    loadEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvInvalidError);
    return error as EnvInvalidError;
  }
  throw new Error('expected loadEnv to throw');
}

const OPENAI = { OPENAI_API_KEY: 'sk-test' };

describe('loadEnv', () => {
  describe('OpenAI', () => {
    it('with only OPENAI_API_KEY › uses api.openai.com and every default', () => {
      expect(loadEnv(OPENAI)).toEqual({
        provider: { kind: 'openai', apiKey: 'sk-test', baseURL: undefined },
        model: 'gpt-4.1',
        verifierModel: 'gpt-4.1',
        conversationModel: 'gpt-4.1',
        structuredOutput: 'auto',
        modelTimeoutMs: 180_000,
        modelMaxAttempts: 4,
        maxOutputTokens: 8_192,
        maxPromptTokens: 128_000 - 8_192 - 1_000, // room for the schema, should auto step down
        modelConcurrency: 8,
        workerConcurrency: 2,
        cacheDir: join(tmpdir(), 'sift-cache'),
        cacheMaxBytes: 2_048 * 1024 * 1024,
      });
    });

    it('with SIFT_CACHE_DIR and SIFT_CACHE_MAX_MB › keeps repository files there, up to that size', () => {
      expect(
        loadEnv({ ...OPENAI, SIFT_CACHE_DIR: '/var/cache/sift', SIFT_CACHE_MAX_MB: '512' }),
      ).toMatchObject({
        cacheDir: '/var/cache/sift',
        cacheMaxBytes: 512 * 1024 * 1024,
      });
    });

    it.each([
      ['missing', {}],
      ['empty', { OPENAI_API_KEY: '' }],
      ['only whitespace', { OPENAI_API_KEY: '   ' }],
    ])(
      'with OPENAI_API_KEY %s › an EnvInvalidError saying where to set it and the alternatives',
      (_, env) => {
        const error = loadEnvError(env);
        expect(error.name).toBe('EnvInvalidError');
        expect(error.message).toMatch(
          /^\[sift\] OPENAI_API_KEY is not set: set it in the environment \(the server also reads \.env\) or the deployment/,
        );
        expect(error.message).toContain('OPENAI_BASE_URL');
        expect(error.message).toContain('AZURE_OPENAI_ENDPOINT');
      },
    );

    it('with only OPENAI_BASE_URL (a local server) › a placeholder key, since the SDK refuses an empty one', () => {
      expect(loadEnv({ OPENAI_BASE_URL: 'http://localhost:11434/v1' }).provider).toEqual({
        kind: 'openai',
        apiKey: 'not-needed',
        baseURL: 'http://localhost:11434/v1',
      });
    });

    it('with a key and a base URL (a gateway) › both are used', () => {
      expect(
        loadEnv({ OPENAI_API_KEY: 'sk-gw', OPENAI_BASE_URL: 'https://llm.acme.internal/v1' }).provider,
      ).toEqual({ kind: 'openai', apiKey: 'sk-gw', baseURL: 'https://llm.acme.internal/v1' });
    });

    it('with a blank OPENAI_BASE_URL › treated as unset', () => {
      expect(loadEnv({ ...OPENAI, OPENAI_BASE_URL: '' }).provider).toEqual({
        kind: 'openai',
        apiKey: 'sk-test',
        baseURL: undefined,
      });
    });

    it('with whitespace around values › trimmed', () => {
      const env = loadEnv({ OPENAI_API_KEY: ' sk-test\n', SIFT_MODEL: ' gpt-5-mini ' });
      expect(env.provider).toMatchObject({ apiKey: 'sk-test' });
      expect(env.model).toBe('gpt-5-mini');
    });

    it.each([
      ['not a URL at all', 'ollama'],
      ['missing the "//"', 'http//localhost:11434/v1'],
      ['missing the scheme', 'localhost:11434/v1'],
      ['not HTTP', 'ftp://models.acme.internal/v1'],
    ])('with an OPENAI_BASE_URL %s › rejected, naming the variable and the fix', (_, url) => {
      expect(loadEnvError({ ...OPENAI, OPENAI_BASE_URL: url }).message).toBe(
        '[sift] invalid environment: OPENAI_BASE_URL: expected an http:// or https:// URL',
      );
    });
  });

  describe('Azure OpenAI', () => {
    const endpoint = 'https://acme.openai.azure.com';

    it('with an endpoint and its key › routes to the deployment named after the model', () => {
      expect(
        loadEnv({ AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_API_KEY: 'az-key', SIFT_MODEL: 'gpt-4o' })
          .provider,
      ).toEqual({
        kind: 'azure',
        endpoint,
        apiKey: 'az-key',
        apiVersion: '2024-10-21',
        deployment: 'gpt-4o',
      });
    });

    it('with an explicit deployment and API version › uses them', () => {
      expect(
        loadEnv({
          AZURE_OPENAI_ENDPOINT: endpoint,
          AZURE_OPENAI_API_KEY: 'az-key',
          AZURE_OPENAI_DEPLOYMENT: 'sift-prod',
          AZURE_OPENAI_API_VERSION: '2025-01-01-preview',
        }).provider,
      ).toMatchObject({ deployment: 'sift-prod', apiVersion: '2025-01-01-preview' });
    });

    it('with OPENAI_API_KEY instead of AZURE_OPENAI_API_KEY › uses it', () => {
      expect(loadEnv({ AZURE_OPENAI_ENDPOINT: endpoint, OPENAI_API_KEY: 'shared' }).provider).toMatchObject({
        kind: 'azure',
        apiKey: 'shared',
      });
    });

    it('with an endpoint and no key › an EnvInvalidError naming AZURE_OPENAI_API_KEY', () => {
      const error = loadEnvError({ AZURE_OPENAI_ENDPOINT: endpoint });
      expect(error.message).toBe(
        '[sift] AZURE_OPENAI_ENDPOINT is set but AZURE_OPENAI_API_KEY is not: set it in the environment (the server also reads .env) or the deployment secrets',
      );
    });

    it('with an endpoint and OPENAI_BASE_URL › Azure wins', () => {
      expect(
        loadEnv({
          AZURE_OPENAI_ENDPOINT: endpoint,
          AZURE_OPENAI_API_KEY: 'k',
          OPENAI_BASE_URL: 'http://x/v1',
        }).provider.kind,
      ).toBe('azure');
    });

    it('with an endpoint that is not a URL › rejected, naming the variable', () => {
      expect(loadEnvError({ AZURE_OPENAI_ENDPOINT: 'acme', AZURE_OPENAI_API_KEY: 'k' }).message).toMatch(
        /^\[sift\] invalid environment: AZURE_OPENAI_ENDPOINT: /,
      );
    });
  });

  describe('a model per role', () => {
    it('unset › the verifier and conversations use SIFT_MODEL', () => {
      expect(loadEnv({ ...OPENAI, SIFT_MODEL: 'gpt-4.1' })).toMatchObject({
        model: 'gpt-4.1',
        verifierModel: 'gpt-4.1',
        conversationModel: 'gpt-4.1',
      });
    });

    it('set › each role its own', () => {
      expect(
        loadEnv({
          ...OPENAI,
          SIFT_MODEL: 'gpt-4.1',
          SIFT_VERIFIER_MODEL: 'o4-mini',
          SIFT_CONVERSATION_MODEL: ' gpt-4.1-mini ',
        }),
      ).toMatchObject({ model: 'gpt-4.1', verifierModel: 'o4-mini', conversationModel: 'gpt-4.1-mini' });
    });
  });

  describe('SIFT_STRUCTURED_OUTPUT', () => {
    it.each([
      [undefined, 'auto'],
      ['', 'auto'],
      ['json_schema', 'json_schema'],
      ['json_object', 'json_object'],
      ['prompt', 'prompt'],
    ])('%j › %s', (value, expected) => {
      expect(loadEnv({ ...OPENAI, SIFT_STRUCTURED_OUTPUT: value }).structuredOutput).toBe(expected);
    });

    it('json_schema › no room kept for a schema in the prompt; any other › 1,000 tokens of it', () => {
      const limits = { ...OPENAI, SIFT_MODEL_CONTEXT_TOKENS: '32768', SIFT_MAX_OUTPUT_TOKENS: '4096' };
      expect(loadEnv({ ...limits, SIFT_STRUCTURED_OUTPUT: 'json_schema' }).maxPromptTokens).toBe(28_672);
      expect(loadEnv({ ...limits, SIFT_STRUCTURED_OUTPUT: 'prompt' }).maxPromptTokens).toBe(27_672);
      expect(loadEnv(limits).maxPromptTokens).toBe(27_672);
    });

    it('another value › rejected, listing the choices', () => {
      expect(loadEnvError({ ...OPENAI, SIFT_STRUCTURED_OUTPUT: 'json' }).message).toBe(
        '[sift] invalid environment: SIFT_STRUCTURED_OUTPUT: expected one of auto, json_schema, json_object, prompt',
      );
    });
  });

  describe('numeric settings', () => {
    it('are coerced from their text', () => {
      expect(
        loadEnv({
          ...OPENAI,
          SIFT_MODEL_TIMEOUT_MS: '60000',
          SIFT_MODEL_MAX_ATTEMPTS: '2',
          SIFT_MAX_OUTPUT_TOKENS: '16384',
          SIFT_WORKER_CONCURRENCY: ' 8 ',
        }),
      ).toMatchObject({
        modelTimeoutMs: 60_000,
        modelMaxAttempts: 2,
        maxOutputTokens: 16_384,
        workerConcurrency: 8,
      });
    });

    it.each([
      ['SIFT_MODEL_TIMEOUT_MS', 'soon', 'expected number, received NaN'],
      ['SIFT_MODEL_MAX_ATTEMPTS', '1.5', 'expected int, received number'],
      ['SIFT_WORKER_CONCURRENCY', '0', 'Too small: expected number to be >0'],
      ['SIFT_MAX_OUTPUT_TOKENS', '-1', 'Too small: expected number to be >0'],
    ])('%s=%s › rejected with the variable and the reason', (name, value, reason) => {
      const error = loadEnvError({ ...OPENAI, [name]: value });
      expect(error.message).toContain(`${name}: `);
      expect(error.message).toContain(reason);
    });

    it('several bad values › all of them reported at once', () => {
      const error = loadEnvError({ ...OPENAI, SIFT_MODEL_TIMEOUT_MS: 'x', SIFT_WORKER_CONCURRENCY: '0' });
      expect(error.message).toMatch(/SIFT_MODEL_TIMEOUT_MS: .*; SIFT_WORKER_CONCURRENCY: /);
    });

    // docker-compose passes `SIFT_MODEL_TIMEOUT_MS: ${SIFT_MODEL_TIMEOUT_MS}` through as '' when unset.
    it.each([
      'SIFT_MODEL_TIMEOUT_MS',
      'SIFT_MODEL_MAX_ATTEMPTS',
      'SIFT_MAX_OUTPUT_TOKENS',
      'SIFT_WORKER_CONCURRENCY',
    ])('blank %s › the default applies, as for every other blank setting', (name) => {
      expect(loadEnv({ ...OPENAI, [name]: '' })).toEqual(loadEnv(OPENAI));
    });
  });

  describe('installation token budgets', () => {
    it('unset or blank › no cap', () => {
      expect(loadEnv({ ...OPENAI, SIFT_INSTALLATION_DAILY_TOKENS: '' })).toMatchObject({
        installationDailyTokens: undefined,
        installationMonthlyTokens: undefined,
      });
    });

    it('set › the day and month caps, in tokens', () => {
      expect(
        loadEnv({
          ...OPENAI,
          SIFT_INSTALLATION_DAILY_TOKENS: '5000000',
          SIFT_INSTALLATION_MONTHLY_TOKENS: ' 100000000 ',
        }),
      ).toMatchObject({ installationDailyTokens: 5_000_000, installationMonthlyTokens: 100_000_000 });
    });

    it.each([
      [
        'SIFT_INSTALLATION_DAILY_TOKENS',
        '5M',
        'expected a whole number of tokens, like 5000000 (unset for no cap)',
      ],
      ['SIFT_INSTALLATION_DAILY_TOKENS', '0', 'expected a number of tokens above 0 (unset for no cap)'],
      ['SIFT_INSTALLATION_MONTHLY_TOKENS', '1.5', 'expected a whole number of tokens'],
      ['SIFT_INSTALLATION_MONTHLY_TOKENS', '-100', 'expected a number of tokens above 0'],
    ])('%s=%s › rejected with the variable and what to write instead', (name, value, reason) => {
      const error = loadEnvError({ ...OPENAI, [name]: value });
      expect(error.message).toContain(`${name}: ${reason}`);
    });
  });

  it('ignores variables that are not Sift settings', () => {
    expect(loadEnv({ ...OPENAI, PATH: '/usr/bin', WEBHOOK_SECRET: 'x', APP_ID: '123' })).toEqual(
      loadEnv(OPENAI),
    );
  });
});
