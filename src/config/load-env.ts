import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { EnvInvalidError } from '../errors.js';

// A blank value means unset, as docker-compose passes `${UNSET_VAR}` through as ''; coercion would read 0.
const blankAsUnset = (value: unknown) => (typeof value === 'string' && !value.trim() ? undefined : value);
const positiveInt = (fallback: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(fallback));
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
// `new URL('localhost:11434/v1')` parses with the scheme `localhost:`; only HTTP reaches a model.
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional();

const envSchema = z.object({
  OPENAI_API_KEY: optionalText,
  /** Any OpenAI-compatible endpoint: vLLM, Ollama, LiteLLM, a gateway. */
  OPENAI_BASE_URL: optionalText.pipe(httpUrl),
  SIFT_MODEL: z.string().trim().min(1).default('gpt-4.1'),
  /** The verifier may be a different (often stronger) model; it defaults to SIFT_MODEL. */
  SIFT_VERIFIER_MODEL: optionalText,
  AZURE_OPENAI_ENDPOINT: optionalText.pipe(httpUrl),
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_API_VERSION: z.string().trim().min(1).default('2024-10-21'),
  /** Azure routes by deployment name; it defaults to the model name. */
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  // A review prompt with cross-file context can take a minute to answer on a busy provider.
  SIFT_MODEL_TIMEOUT_MS: positiveInt(180_000),
  SIFT_MODEL_MAX_ATTEMPTS: positiveInt(4),
  SIFT_MAX_OUTPUT_TOKENS: positiveInt(8_192),
  // The model's context window; prompts are kept below it with room for the answer.
  SIFT_MODEL_CONTEXT_TOKENS: positiveInt(128_000),
  // Model calls in flight at once across all reviews of the process: providers rate-limit bursts.
  SIFT_MODEL_CONCURRENCY: positiveInt(8),
  // Two reviews at a time keep a small instance responsive while the model does the waiting.
  SIFT_WORKER_CONCURRENCY: positiveInt(2),
  /** Repository files downloaded for cross-file context, kept between reviews. */
  SIFT_CACHE_DIR: optionalText,
  // 2 GiB holds the source of a few dozen large repositories; the least recently used go first.
  SIFT_CACHE_MAX_MB: positiveInt(2_048),
  APP_ID: optionalText,
});

export type Env = z.output<typeof envSchema>;

/** The model provider Sift talks to, decided once from the environment. */
export type ModelProvider =
  | { kind: 'openai'; apiKey: string; baseURL: string | undefined }
  | { kind: 'azure'; endpoint: string; apiKey: string; apiVersion: string; deployment: string };

export interface SiftEnv {
  readonly provider: ModelProvider;
  readonly model: string;
  readonly verifierModel: string;
  readonly modelTimeoutMs: number;
  readonly modelMaxAttempts: number;
  readonly maxOutputTokens: number;
  /** The most prompt tokens one call may carry: the context window less the answer. */
  readonly maxPromptTokens: number;
  readonly modelConcurrency: number;
  readonly workerConcurrency: number;
  readonly cacheDir: string;
  readonly cacheMaxBytes: number;
}

/** Reads and checks Sift's own settings; Probot reads APP_ID, PRIVATE_KEY and WEBHOOK_SECRET itself. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): SiftEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvInvalidError(`[sift] invalid environment: ${lines.join('; ')}`);
  }
  const values = parsed.data;
  return {
    provider: providerOf(values),
    model: values.SIFT_MODEL,
    verifierModel: values.SIFT_VERIFIER_MODEL ?? values.SIFT_MODEL,
    modelTimeoutMs: values.SIFT_MODEL_TIMEOUT_MS,
    modelMaxAttempts: values.SIFT_MODEL_MAX_ATTEMPTS,
    maxOutputTokens: values.SIFT_MAX_OUTPUT_TOKENS,
    maxPromptTokens: Math.max(4_000, values.SIFT_MODEL_CONTEXT_TOKENS - values.SIFT_MAX_OUTPUT_TOKENS),
    modelConcurrency: values.SIFT_MODEL_CONCURRENCY,
    workerConcurrency: values.SIFT_WORKER_CONCURRENCY,
    cacheDir: values.SIFT_CACHE_DIR ?? join(tmpdir(), 'sift-cache'),
    cacheMaxBytes: values.SIFT_CACHE_MAX_MB * 1024 * 1024,
  };
}

function providerOf(values: Env): ModelProvider {
  if (values.AZURE_OPENAI_ENDPOINT) {
    const apiKey = values.AZURE_OPENAI_API_KEY ?? values.OPENAI_API_KEY;
    if (!apiKey) {
      throw new EnvInvalidError(
        '[sift] AZURE_OPENAI_ENDPOINT is set but AZURE_OPENAI_API_KEY is not: add it to .env or the deployment secrets',
      );
    }
    return {
      kind: 'azure',
      endpoint: values.AZURE_OPENAI_ENDPOINT,
      apiKey,
      apiVersion: values.AZURE_OPENAI_API_VERSION,
      deployment: values.AZURE_OPENAI_DEPLOYMENT ?? values.SIFT_MODEL,
    };
  }
  if (!values.OPENAI_API_KEY && !values.OPENAI_BASE_URL) {
    throw new EnvInvalidError(
      '[sift] OPENAI_API_KEY is not set: add it to .env or the deployment secrets (or set OPENAI_BASE_URL for a local OpenAI-compatible server, or AZURE_OPENAI_ENDPOINT for Azure OpenAI)',
    );
  }
  // Local servers such as Ollama ignore the key, but the SDK refuses an empty one.
  return { kind: 'openai', apiKey: values.OPENAI_API_KEY ?? 'not-needed', baseURL: values.OPENAI_BASE_URL };
}
