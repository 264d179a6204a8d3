import type { SiftEnv } from '../config/load-env.js';
import {
  ModelConfigurationError,
  type ModelError,
  ModelOutputTruncatedError,
  ModelRateLimitedError,
  ModelRefusalError,
  ModelRequestRejectedError,
  ModelTimeoutError,
  ModelTransportError,
} from '../errors.js';

// The OpenAI SDK's base URL when OPENAI_BASE_URL is not set (openai-node, src/client.ts).
const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * A model failure as the command line reports it: which endpoint answered (or did not), what it
 * said, and which setting to check — `the model at https://api.openai.com/v1 answered 401 Incorrect
 * API key provided; check OPENAI_API_KEY`. The app says less (`userMessage`), because a check run
 * is read by people who cannot change the deployment; the person at the terminal can.
 */
export function describeModelFailure(
  error: ModelError,
  env: Pick<SiftEnv, 'provider' | 'model' | 'modelTimeoutMs'>,
): string {
  const azure = env.provider.kind === 'azure';
  const endpoint =
    env.provider.kind === 'azure' ? env.provider.endpoint : (env.provider.baseURL ?? OPENAI_DEFAULT_BASE_URL);
  const model =
    env.provider.kind === 'azure'
      ? `AZURE_OPENAI_DEPLOYMENT (${JSON.stringify(env.provider.deployment)})`
      : `SIFT_MODEL (${JSON.stringify(env.model)})`;
  const urlVariable = azure ? 'AZURE_OPENAI_ENDPOINT' : 'OPENAI_BASE_URL';
  const detail = error.message.replace(/^\[sift\] /, '').replace(/\.$/, '');
  // The SDK starts the message of an HTTP failure with the status; a connection failure has none.
  const status = /^\d{3}\b/.exec(detail)?.[0];
  const at = `the model at ${endpoint}`;

  if (error instanceof ModelTimeoutError)
    return `${at} did not answer within ${Math.round(env.modelTimeoutMs / 1000)} s; try again, or raise SIFT_MODEL_TIMEOUT_MS`;
  if (error instanceof ModelTransportError && status === undefined)
    return `could not reach ${at} (${detail}); check ${urlVariable} and the network`;
  if (error instanceof ModelConfigurationError) {
    if (status === '404') {
      const verifier = azure ? '' : ', SIFT_VERIFIER_MODEL';
      return `${at} answered ${detail}; check ${model}${verifier} and ${urlVariable}`;
    }
    return `${at} answered ${detail}; check ${azure ? 'AZURE_OPENAI_API_KEY' : 'OPENAI_API_KEY'}`;
  }
  if (error instanceof ModelRateLimitedError)
    return `${at} answered ${detail}; wait and try again, or lower SIFT_MODEL_CONCURRENCY`;
  if (error instanceof ModelRequestRejectedError)
    return `${at} answered ${detail}; check that ${model} supports JSON-schema structured output and that SIFT_MODEL_CONTEXT_TOKENS is not above its context window`;
  if (error instanceof ModelTransportError)
    return `${at} answered ${detail}; the provider is having trouble, try again later`;
  if (error instanceof ModelRefusalError)
    return `${at} refused to answer (${detail}); try again, or choose another model with ${azure ? 'AZURE_OPENAI_DEPLOYMENT' : 'SIFT_MODEL'}`;
  if (error instanceof ModelOutputTruncatedError)
    return `${at} answered, but not in full (${detail}); raise SIFT_MAX_OUTPUT_TOKENS`;
  return `${at} answered in a shape Sift cannot use (${detail}); check that ${model} supports JSON-schema structured output, or set SIFT_STRUCTURED_OUTPUT=prompt for a server that ignores response_format`;
}
