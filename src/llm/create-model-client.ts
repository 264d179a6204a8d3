import OpenAI, { AzureOpenAI } from 'openai';
import type { SiftEnv } from '../config/load-env.js';
import { capResponseBytes } from './cap-response-bytes.js';
import { limitConcurrency } from './limit-concurrency.js';
import type { ModelClient } from './model-client.js';
import { modelsForRoles } from './models-for-roles.js';
import { createOpenAIModelClient } from './openai-model-client.js';
import { withholdCredentials } from './withhold-credentials.js';

export interface ModelClientOptions {
  readonly onRetry?: (message: string) => void;
  /** Told when the server refused a way of asking for JSON and Sift stepped down to a weaker one. */
  readonly onStepDown?: (message: string) => void;
  /** Sift's other credentials (webhook secret, app private key), withheld from prompts with the API key. */
  readonly credentials?: readonly string[];
}

/**
 * Builds the model client the deployment asked for: OpenAI, any compatible endpoint, or Azure
 * OpenAI. Its own API key and `credentials` never leave in a prompt.
 */
export function createModelClient(env: SiftEnv, options: ModelClientOptions = {}): ModelClient {
  const { onRetry, onStepDown, credentials = [] } = options;
  const { provider } = env;
  // maxRetries 0: retries are decided by openai-model-client.ts, which also retries bad output.
  // capResponseBytes: a server that ignores the output token limit must not fill the heap.
  const openai =
    provider.kind === 'azure'
      ? new AzureOpenAI({
          // No `deployment`: the SDK would send every role to it. Each request's model names its
          // deployment instead (models-for-roles.ts). baseURL rather than `endpoint`, which the SDK
          // refuses beside an OPENAI_BASE_URL it reads from the process environment by itself.
          baseURL: `${provider.endpoint.replace(/\/+$/, '')}/openai`,
          apiKey: provider.apiKey,
          apiVersion: provider.apiVersion,
          timeout: env.modelTimeoutMs,
          maxRetries: 0,
          fetch: capResponseBytes(),
        })
      : new OpenAI({
          apiKey: provider.apiKey,
          baseURL: provider.baseURL ?? null,
          timeout: env.modelTimeoutMs,
          maxRetries: 0,
          fetch: capResponseBytes(),
        });
  const client = createOpenAIModelClient(openai, {
    models: modelsForRoles(env),
    maxOutputTokens: env.maxOutputTokens,
    maxAttempts: env.modelMaxAttempts,
    structuredOutput: env.structuredOutput,
    ...(onRetry ? { onRetry } : {}),
    ...(onStepDown ? { onStepDown } : {}),
  });
  return limitConcurrency(
    withholdCredentials(client, [provider.apiKey, ...credentials]),
    env.modelConcurrency,
  );
}
