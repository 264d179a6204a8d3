import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { EnvInvalidError } from '../errors.js';
import { type EnvName, envSchema, type ParsedEnv } from './env-schema.js';

/** How answers are asked to be JSON (SIFT_STRUCTURED_OUTPUT); see ENV_DOCS for each. */
export type StructuredOutput = ParsedEnv['SIFT_STRUCTURED_OUTPUT'];

/** The model provider Sift talks to, decided once from the environment. */
export type ModelProvider =
  | { kind: 'openai'; apiKey: string; baseURL: string | undefined }
  | { kind: 'azure'; endpoint: string; apiKey: string; apiVersion: string; deployment: string };

/** The settings of the review itself: the model and the limits around it (the server and the CLI share them). */
export interface SiftEnv {
  readonly provider: ModelProvider;
  readonly model: string;
  readonly verifierModel: string;
  /** The model that answers replies in Sift's review threads. */
  readonly conversationModel: string;
  readonly structuredOutput: StructuredOutput;
  readonly modelTimeoutMs: number;
  readonly modelMaxAttempts: number;
  readonly maxOutputTokens: number;
  /** The most prompt tokens one call may carry: the context window less the answer. */
  readonly maxPromptTokens: number;
  readonly modelConcurrency: number;
  readonly workerConcurrency: number;
  /** Reviews of one installation at once; undefined: no cap, only fair shares. */
  readonly installationConcurrency?: number | undefined;
  /** Model tokens one installation may spend per UTC day and month; undefined: no cap. */
  readonly installationDailyTokens?: number | undefined;
  readonly installationMonthlyTokens?: number | undefined;
  readonly cacheDir: string;
  readonly cacheMaxBytes: number;
}

// Below json_schema the answer's schema is written into the prompt (prompts/answer-format.md):
// about 650 tokens for the review answer. `auto` may step down at run time, so it keeps room too.
const ANSWER_FORMAT_TOKENS = 1_000;

const REVIEW_VARIABLES = [
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'SIFT_MODEL',
  'SIFT_VERIFIER_MODEL',
  'SIFT_CONVERSATION_MODEL',
  'SIFT_STRUCTURED_OUTPUT',
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'AZURE_OPENAI_API_VERSION',
  'AZURE_OPENAI_DEPLOYMENT',
  'SIFT_MODEL_TIMEOUT_MS',
  'SIFT_MODEL_MAX_ATTEMPTS',
  'SIFT_MAX_OUTPUT_TOKENS',
  'SIFT_MODEL_CONTEXT_TOKENS',
  'SIFT_MODEL_CONCURRENCY',
  'SIFT_WORKER_CONCURRENCY',
  'SIFT_INSTALLATION_CONCURRENCY',
  'SIFT_INSTALLATION_DAILY_TOKENS',
  'SIFT_INSTALLATION_MONTHLY_TOKENS',
  'SIFT_CACHE_DIR',
  'SIFT_CACHE_MAX_MB',
] as const satisfies readonly EnvName[];

const reviewSchema = envSchema.pick(
  Object.fromEntries(REVIEW_VARIABLES.map((name) => [name, true])) as Record<
    (typeof REVIEW_VARIABLES)[number],
    true
  >,
);
type ReviewValues = Pick<ParsedEnv, (typeof REVIEW_VARIABLES)[number]>;

/**
 * Reads and checks the model and review settings (the CLI needs nothing else); every problem is
 * reported at once, each with the variable and what to do.
 */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): SiftEnv {
  const values = parseEnv(reviewSchema, env);
  const problems: string[] = [];
  const provider = providerOf(values, problems);
  if (!provider) throw new EnvInvalidError(`[sift] ${problems.join('; ')}`);
  return siftEnvOf(values, provider);
}

/** Parses variables with a schema; a value that does not fit stops Sift with every such problem named. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new EnvInvalidError(`[sift] invalid environment: ${lines.join('; ')}`);
}

export function siftEnvOf(values: ReviewValues, provider: ModelProvider): SiftEnv {
  return {
    provider,
    model: values.SIFT_MODEL,
    verifierModel: values.SIFT_VERIFIER_MODEL ?? values.SIFT_MODEL,
    conversationModel: values.SIFT_CONVERSATION_MODEL ?? values.SIFT_MODEL,
    structuredOutput: values.SIFT_STRUCTURED_OUTPUT,
    modelTimeoutMs: values.SIFT_MODEL_TIMEOUT_MS,
    modelMaxAttempts: values.SIFT_MODEL_MAX_ATTEMPTS,
    maxOutputTokens: values.SIFT_MAX_OUTPUT_TOKENS,
    maxPromptTokens: Math.max(
      4_000,
      values.SIFT_MODEL_CONTEXT_TOKENS -
        values.SIFT_MAX_OUTPUT_TOKENS -
        (values.SIFT_STRUCTURED_OUTPUT === 'json_schema' ? 0 : ANSWER_FORMAT_TOKENS),
    ),
    modelConcurrency: values.SIFT_MODEL_CONCURRENCY,
    workerConcurrency: values.SIFT_WORKER_CONCURRENCY,
    installationConcurrency: values.SIFT_INSTALLATION_CONCURRENCY,
    installationDailyTokens: values.SIFT_INSTALLATION_DAILY_TOKENS,
    installationMonthlyTokens: values.SIFT_INSTALLATION_MONTHLY_TOKENS,
    cacheDir: values.SIFT_CACHE_DIR ?? join(tmpdir(), 'sift-cache'),
    cacheMaxBytes: values.SIFT_CACHE_MAX_MB * 1024 * 1024,
  };
}

/** The provider the settings name, or null with the reason added to `problems`. */
export function providerOf(values: ReviewValues, problems: string[]): ModelProvider | null {
  if (values.AZURE_OPENAI_ENDPOINT) {
    const apiKey = values.AZURE_OPENAI_API_KEY ?? values.OPENAI_API_KEY;
    if (!apiKey) {
      problems.push(
        'AZURE_OPENAI_ENDPOINT is set but AZURE_OPENAI_API_KEY is not: set it in the environment (the server also reads .env) or the deployment secrets',
      );
      return null;
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
    problems.push(
      'OPENAI_API_KEY is not set: set it in the environment (the server also reads .env) or the deployment secrets (or set OPENAI_BASE_URL for a local OpenAI-compatible server, or AZURE_OPENAI_ENDPOINT for Azure OpenAI)',
    );
    return null;
  }
  // Local servers such as Ollama ignore the key, but the SDK refuses an empty one.
  return { kind: 'openai', apiKey: values.OPENAI_API_KEY ?? 'not-needed', baseURL: values.OPENAI_BASE_URL };
}
