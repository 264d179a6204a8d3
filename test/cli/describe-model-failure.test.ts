import { describe, expect, it } from 'vitest';
import { describeModelFailure } from '../../src/cli/describe-model-failure.js';
import type { SiftEnv } from '../../src/config/load-env.js';
import {
  ModelConfigurationError,
  type ModelError,
  ModelOutputInvalidError,
  ModelOutputTruncatedError,
  ModelRateLimitedError,
  ModelRefusalError,
  ModelRequestRejectedError,
  ModelTimeoutError,
  ModelUnavailableError,
} from '../../src/errors.js';

const OPENAI: Pick<SiftEnv, 'provider' | 'model' | 'modelTimeoutMs'> = {
  provider: { kind: 'openai', apiKey: 'sk-test', baseURL: undefined },
  model: 'gpt-4.1',
  modelTimeoutMs: 180_000,
};
const LOCAL = { ...OPENAI, provider: { ...OPENAI.provider, baseURL: 'http://localhost:11434/v1' } };
const AZURE: typeof OPENAI = {
  ...OPENAI,
  provider: {
    kind: 'azure',
    endpoint: 'https://acme.openai.azure.com',
    apiKey: 'key',
    apiVersion: '2024-10-21',
    deployment: 'review',
  },
};

describe('describeModelFailure', () => {
  it.each<[string, ModelError, typeof OPENAI, string]>([
    [
      'a rejected key at OpenAI',
      new ModelConfigurationError(
        '401 Incorrect API key provided: sk-test. You can find your API key at https://platform.openai.com/account/api-keys.',
      ),
      OPENAI,
      'the model at https://api.openai.com/v1 answered 401 Incorrect API key provided: sk-test. You can find your API key at https://platform.openai.com/account/api-keys; check OPENAI_API_KEY',
    ],
    [
      'a forbidden key at Azure',
      new ModelConfigurationError('403 Access denied'),
      AZURE,
      'the model at https://acme.openai.azure.com answered 403 Access denied; check AZURE_OPENAI_API_KEY',
    ],
    [
      'an unknown model',
      new ModelConfigurationError(
        '404 The model `gpt-5-mini` does not exist or you do not have access to it.',
      ),
      OPENAI,
      'the model at https://api.openai.com/v1 answered 404 The model `gpt-5-mini` does not exist or you do not have access to it; check SIFT_MODEL ("gpt-4.1"), SIFT_VERIFIER_MODEL and OPENAI_BASE_URL',
    ],
    [
      'an unknown Azure deployment',
      new ModelConfigurationError('404 Resource not found'),
      AZURE,
      'the model at https://acme.openai.azure.com answered 404 Resource not found; check AZURE_OPENAI_DEPLOYMENT ("review") and AZURE_OPENAI_ENDPOINT',
    ],
    [
      'a server that does not answer the connection',
      new ModelUnavailableError('Connection error.'),
      LOCAL,
      'could not reach the model at http://localhost:11434/v1 (Connection error); check OPENAI_BASE_URL and the network',
    ],
    [
      'an Azure endpoint that does not answer the connection',
      new ModelUnavailableError('Connection error.'),
      AZURE,
      'could not reach the model at https://acme.openai.azure.com (Connection error); check AZURE_OPENAI_ENDPOINT and the network',
    ],
    [
      'a server error',
      new ModelUnavailableError('503 Service Unavailable'),
      OPENAI,
      'the model at https://api.openai.com/v1 answered 503 Service Unavailable; the provider is having trouble, try again later',
    ],
    [
      'rate limiting',
      new ModelRateLimitedError('429 Rate limit reached for gpt-4.1.', 90_000),
      OPENAI,
      'the model at https://api.openai.com/v1 answered 429 Rate limit reached for gpt-4.1; wait and try again, or lower SIFT_MODEL_CONCURRENCY',
    ],
    [
      'a timeout',
      new ModelTimeoutError('Request timed out.'),
      OPENAI,
      'the model at https://api.openai.com/v1 did not answer within 180 s; try again, or raise SIFT_MODEL_TIMEOUT_MS',
    ],
    [
      'a rejected request',
      new ModelRequestRejectedError(
        "400 Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
      ),
      OPENAI,
      "the model at https://api.openai.com/v1 answered 400 Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model; check that SIFT_MODEL (\"gpt-4.1\") supports JSON-schema structured output and that SIFT_MODEL_CONTEXT_TOKENS is not above its context window",
    ],
    [
      'a refusal',
      new ModelRefusalError('[sift] the model refused: I cannot help with that.'),
      OPENAI,
      'the model at https://api.openai.com/v1 refused to answer (the model refused: I cannot help with that); try again, or choose another model with SIFT_MODEL',
    ],
    [
      'an answer cut off',
      new ModelOutputTruncatedError('[sift] the review answer was cut off after 8192 tokens'),
      OPENAI,
      'the model at https://api.openai.com/v1 answered, but not in full (the review answer was cut off after 8192 tokens); raise SIFT_MAX_OUTPUT_TOKENS',
    ],
    [
      'an answer in the wrong shape',
      new ModelOutputInvalidError('[sift] the review answer is not valid JSON'),
      OPENAI,
      'the model at https://api.openai.com/v1 answered in a shape Sift cannot use (the review answer is not valid JSON); check that SIFT_MODEL ("gpt-4.1") supports JSON-schema structured output, or set SIFT_STRUCTURED_OUTPUT=prompt for a server that ignores response_format',
    ],
  ])('%s › %s', (_, error, env, message) => {
    expect(describeModelFailure(error, env)).toBe(message);
  });
});
