import OpenAI, { AzureOpenAI } from 'openai';
import type { SiftEnv } from '../config/load-env.js';
import { capResponseBytes } from './cap-response-bytes.js';
import { limitConcurrency } from './limit-concurrency.js';
import type { ModelClient } from './model-client.js';
import { createOpenAIModelClient } from './openai-model-client.js';
import { withholdCredentials } from './withhold-credentials.js';

export interface ModelClientOptions {
  readonly onRetry?: (message: string) => void;
  /** Sift's other credentials (webhook secret, app private key), withheld from prompts with the API key. */
  readonly credentials?: readonly string[];
}

/**
 * Builds the model client the deployment asked for: OpenAI, any compatible endpoint, or Azure
 * OpenAI. Its own API key and `credentials` never leave in a prompt.
 */
export function createModelClient(env: SiftEnv, options: ModelClientOptions = {}): ModelClient {
  const { onRetry, credentials = [] } = options;
  const { provider } = env;
  // maxRetries 0: retries are decided by openai-model-client.ts, which also retries bad output.
  // capResponseBytes: a server that ignores the output token limit must not fill the heap.
  const openai =
    provider.kind === 'azure'
      ? new AzureOpenAI({
          endpoint: provider.endpoint,
          apiKey: provider.apiKey,
          apiVersion: provider.apiVersion,
          deployment: provider.deployment,
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
  const reviewer = provider.kind === 'azure' ? provider.deployment : env.model;
  const verifier =
    provider.kind === 'azure' && env.verifierModel === env.model ? provider.deployment : env.verifierModel;
  const client = createOpenAIModelClient(openai, {
    models: { reviewer, verifier },
    maxOutputTokens: env.maxOutputTokens,
    maxAttempts: env.modelMaxAttempts,
    ...(onRetry ? { onRetry } : {}),
  });
  return limitConcurrency(
    withholdCredentials(client, [provider.apiKey, ...credentials]),
    env.modelConcurrency,
  );
}
