import { z } from 'zod';

// A blank value means unset, as docker-compose passes `${UNSET_VAR}` through as ''; coercion would read 0.
export const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && !value.trim() ? undefined : value;
const positiveInt = (fallback: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(fallback));
const optionalPositiveInt = z.preprocess(blankAsUnset, z.coerce.number().int().positive().optional());
const tokenBudget = z.preprocess(
  blankAsUnset,
  z.coerce
    .number({ error: 'expected a whole number of tokens, like 5000000 (unset for no cap)' })
    .int('expected a whole number of tokens, like 5000000 (unset for no cap)')
    .positive('expected a number of tokens above 0 (unset for no cap)')
    .optional(),
);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
// `new URL('localhost:11434/v1')` parses with the scheme `localhost:`; only HTTP reaches a model.
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional();
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankAsUnset, z.enum(values, { error: `expected one of ${values.join(', ')}` }).optional());

/**
 * Every environment variable Sift reads, Probot's own included, parsed in one place. The README's
 * table and `.env.example` are generated from this schema and ENV_DOCS (`npm run docs:env`), and a
 * test checks that they agree, so the documentation cannot drift from the code.
 */
export const envSchema = z.object({
  APP_ID: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'expected the numeric id of the GitHub App' }).int().positive().optional(),
  ),
  PRIVATE_KEY: optionalText,
  PRIVATE_KEY_PATH: optionalText,
  WEBHOOK_SECRET: optionalText,
  GHE_HOST: optionalText,
  GHE_PROTOCOL: z.preprocess(blankAsUnset, z.enum(['https', 'http']).default('https')),
  GH_ORG: optionalText,
  WEBHOOK_PROXY_URL: optionalText.pipe(httpUrl),
  WEBHOOK_PATH: z.preprocess(
    blankAsUnset,
    z.string().startsWith('/', 'expected a path starting with /').default('/api/github/webhooks'),
  ),
  HOST: z.preprocess(blankAsUnset, z.string().trim().default('localhost')),
  PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65_535).default(3000)),
  LOG_LEVEL: z.preprocess(
    blankAsUnset,
    z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  ),
  LOG_FORMAT: oneOf(['json', 'pretty']),
  LOG_LEVEL_IN_STRING: z.preprocess(blankAsUnset, z.enum(['true', 'false']).default('false')),
  LOG_MESSAGE_KEY: z.preprocess(blankAsUnset, z.string().default('msg')),
  NODE_ENV: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(httpUrl),
  SIFT_MODEL: z.string().trim().min(1).default('gpt-4.1'),
  SIFT_VERIFIER_MODEL: optionalText,
  SIFT_CONVERSATION_MODEL: optionalText,
  SIFT_STRUCTURED_OUTPUT: z.preprocess(
    blankAsUnset,
    z
      .enum(['auto', 'json_schema', 'json_object', 'prompt'], {
        error: 'expected one of auto, json_schema, json_object, prompt',
      })
      .default('auto'),
  ),
  AZURE_OPENAI_ENDPOINT: optionalText.pipe(httpUrl),
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_API_VERSION: z.string().trim().min(1).default('2024-10-21'),
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  // A review prompt with cross-file context can take a minute to answer on a busy provider.
  SIFT_MODEL_TIMEOUT_MS: positiveInt(180_000),
  SIFT_MODEL_MAX_ATTEMPTS: positiveInt(4),
  SIFT_MAX_OUTPUT_TOKENS: positiveInt(8_192),
  SIFT_MODEL_CONTEXT_TOKENS: positiveInt(128_000),
  // Providers rate-limit bursts; this caps calls in flight across all reviews of the process.
  SIFT_MODEL_CONCURRENCY: positiveInt(8),
  // Two reviews at a time keep a small instance responsive while the model does the waiting.
  SIFT_WORKER_CONCURRENCY: positiveInt(2),
  SIFT_INSTALLATION_CONCURRENCY: optionalPositiveInt,
  SIFT_INSTALLATION_DAILY_TOKENS: tokenBudget,
  SIFT_INSTALLATION_MONTHLY_TOKENS: tokenBudget,
  SIFT_PLANS_FILE: optionalText,
  SIFT_MARKETPLACE_STUBBED: z.preprocess(
    blankAsUnset,
    z.enum(['true', 'false'], { error: 'expected true or false' }).default('false'),
  ),
  SIFT_INSTALLATION_MODEL_KEY: optionalText.pipe(
    z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value), {
        error: 'expected 32 random bytes in base64 (openssl rand -base64 32)',
      })
      .optional(),
  ),
  SIFT_CACHE_DIR: optionalText,
  SIFT_DATA_DIR: optionalText,
  REDIS_URL: optionalText.pipe(
    z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional(),
  ),
  SIFT_ROLE: z.preprocess(
    blankAsUnset,
    z.enum(['all', 'web', 'worker'], { error: 'expected one of all, web, worker' }).default('all'),
  ),
  // BullMQ's default lock: a worker that stops answering keeps its job this long.
  SIFT_JOB_LOCK_SECONDS: positiveInt(30),
  // 2 GiB holds the source of a few dozen large repositories; the least recently used go first.
  SIFT_CACHE_MAX_MB: positiveInt(2_048),
});

export type EnvName = keyof typeof envSchema.shape;
export type ParsedEnv = z.output<typeof envSchema>;

export type EnvGroup = 'GitHub App' | 'Server and logs' | 'Model' | 'Reviews';

export interface EnvDoc {
  readonly group: EnvGroup;
  /** The default as a person reads it; '—' when unset means off or required. */
  readonly default: string;
  readonly meaning: string;
  /** A value for `.env.example`; the variable is written commented out unless `required`. */
  readonly example?: string;
  /** Listed uncommented in `.env.example`: a server cannot review without it. */
  readonly required?: boolean;
}

/** What each variable means, for people: the README table and `.env.example` are built from this. */
export const ENV_DOCS: Readonly<Record<EnvName, EnvDoc>> = {
  APP_ID: {
    group: 'GitHub App',
    default: '—',
    meaning:
      "The GitHub App's id. Without it and a private key, `npm start` serves the setup page that registers the app.",
    required: true,
  },
  PRIVATE_KEY: {
    group: 'GitHub App',
    default: '—',
    meaning: "The app's private key as PEM text (newlines may be written as `\\n`), or base64 of it.",
    required: true,
  },
  PRIVATE_KEY_PATH: {
    group: 'GitHub App',
    default: '—',
    meaning: 'A path to the `.pem` file instead of `PRIVATE_KEY`.',
    example: './sift.private-key.pem',
  },
  WEBHOOK_SECRET: {
    group: 'GitHub App',
    default: '—',
    meaning:
      'The secret GitHub signs webhooks with. Required: Sift refuses to start without it outside the setup page.',
    required: true,
  },
  GHE_HOST: {
    group: 'GitHub App',
    default: 'github.com',
    meaning: 'GitHub Enterprise Server host; the API is then `<protocol>://<host>/api/v3`.',
    example: 'github.example.com',
  },
  GHE_PROTOCOL: {
    group: 'GitHub App',
    default: '`https`',
    meaning: 'Protocol for `GHE_HOST` (`http` only for a test server).',
    example: 'https',
  },
  GH_ORG: {
    group: 'GitHub App',
    default: '—',
    meaning: 'Setup page only: register the app on this organisation instead of your account.',
    example: 'acme',
  },
  WEBHOOK_PROXY_URL: {
    group: 'GitHub App',
    default: '—',
    meaning:
      'A smee.io channel that forwards webhooks to a development machine (needs `npm install --no-save smee-client`).',
    example: 'https://smee.io/abc123',
  },
  WEBHOOK_PATH: {
    group: 'Server and logs',
    default: '`/api/github/webhooks`',
    meaning: 'Where webhooks are received.',
    example: '/api/github/webhooks',
  },
  HOST: {
    group: 'Server and logs',
    default: '`localhost`',
    meaning:
      'The interface to listen on. `localhost` accepts connections from this machine only; the Docker image sets `0.0.0.0`.',
    example: '0.0.0.0',
  },
  PORT: {
    group: 'Server and logs',
    default: '`3000`',
    meaning: 'The port to listen on (webhooks, `/ping`, `/healthz`, `/readyz`).',
    example: '3000',
  },
  LOG_LEVEL: {
    group: 'Server and logs',
    default: '`info`',
    meaning: '`trace`, `debug`, `info`, `warn`, `error`, `fatal` or `silent`.',
    example: 'info',
  },
  LOG_FORMAT: {
    group: 'Server and logs',
    default: '`json` when `NODE_ENV=production`, else `pretty`',
    meaning: '`json` (one object per line) or `pretty`.',
    example: 'json',
  },
  LOG_LEVEL_IN_STRING: {
    group: 'Server and logs',
    default: '`false`',
    meaning: 'JSON logs name the level (`"info"`) instead of its number.',
    example: 'true',
  },
  LOG_MESSAGE_KEY: {
    group: 'Server and logs',
    default: '`msg`',
    meaning: 'The key of the message in JSON logs.',
    example: 'message',
  },
  NODE_ENV: {
    group: 'Server and logs',
    default: '—',
    meaning: '`production` makes JSON the default log format.',
    example: 'production',
  },
  OPENAI_API_KEY: {
    group: 'Model',
    default: '—',
    meaning:
      'Key for the OpenAI API or a compatible endpoint. Required unless `OPENAI_BASE_URL` or Azure is set.',
    required: true,
  },
  OPENAI_BASE_URL: {
    group: 'Model',
    default: 'OpenAI',
    meaning: 'Any OpenAI-compatible Chat Completions endpoint (vLLM, Ollama, LiteLLM, a gateway).',
    example: 'http://localhost:11434/v1',
  },
  SIFT_MODEL: {
    group: 'Model',
    default: '`gpt-4.1`',
    meaning:
      'The reviewer model; best one with JSON-schema structured output (else see `SIFT_STRUCTURED_OUTPUT`).',
    example: 'gpt-4.1',
  },
  SIFT_VERIFIER_MODEL: {
    group: 'Model',
    default: '`SIFT_MODEL`',
    meaning:
      'The model that verifies findings (often a stronger one). On Azure, a deployment name (default: `AZURE_OPENAI_DEPLOYMENT`).',
    example: 'o4-mini',
  },
  SIFT_CONVERSATION_MODEL: {
    group: 'Model',
    default: '`SIFT_MODEL`',
    meaning:
      "The model that answers replies in Sift's review threads (often a cheaper one). On Azure, a deployment name (default: `AZURE_OPENAI_DEPLOYMENT`).",
    example: 'gpt-4.1-mini',
  },
  SIFT_STRUCTURED_OUTPUT: {
    group: 'Model',
    default: '`auto`',
    meaning:
      'How answers are asked to be JSON: `json_schema` (strict structured output), `json_object` or `prompt` (the schema in the prompt; for servers without json_schema). `auto`: `json_schema`, stepping down when the server answers 400 naming `response_format`. Answers are always checked.',
    example: 'prompt',
  },
  AZURE_OPENAI_ENDPOINT: {
    group: 'Model',
    default: '—',
    meaning: 'Azure OpenAI resource URL; switches Sift to Azure.',
    example: 'https://my-resource.openai.azure.com',
  },
  AZURE_OPENAI_API_KEY: {
    group: 'Model',
    default: '`OPENAI_API_KEY`',
    meaning: 'Azure OpenAI key.',
    example: 'azure-key',
  },
  AZURE_OPENAI_API_VERSION: {
    group: 'Model',
    default: '`2024-10-21`',
    meaning: 'Azure OpenAI API version.',
    example: '2024-10-21',
  },
  AZURE_OPENAI_DEPLOYMENT: {
    group: 'Model',
    default: '`SIFT_MODEL`',
    meaning:
      'Azure deployment of the reviewer model, and of the verifier and conversations unless they name their own.',
    example: 'gpt-4.1',
  },
  SIFT_MODEL_TIMEOUT_MS: {
    group: 'Model',
    default: '`180000`',
    meaning: 'Time limit for one model request.',
    example: '180000',
  },
  SIFT_MODEL_MAX_ATTEMPTS: {
    group: 'Model',
    default: '`4`',
    meaning:
      'Attempts per model call for retryable failures (timeout, 429, 5xx, unparsable or cut-off answers).',
    example: '4',
  },
  SIFT_MAX_OUTPUT_TOKENS: {
    group: 'Model',
    default: '`8192`',
    meaning: 'Completion token limit per call; a cut-off answer is retried with twice the limit (up to 4×).',
    example: '8192',
  },
  SIFT_MODEL_CONTEXT_TOKENS: {
    group: 'Model',
    default: '`128000`',
    meaning: "The model's context window; prompts are kept below it, with room for the answer.",
    example: '128000',
  },
  SIFT_MODEL_CONCURRENCY: {
    group: 'Model',
    default: '`8`',
    meaning: 'Model calls in flight at once across all reviews of one process.',
    example: '8',
  },
  SIFT_WORKER_CONCURRENCY: {
    group: 'Reviews',
    default: '`2`',
    meaning: 'Reviews running at once in one process.',
    example: '2',
  },
  SIFT_INSTALLATION_CONCURRENCY: {
    group: 'Reviews',
    default: 'no cap; with Redis, `SIFT_WORKER_CONCURRENCY`',
    meaning:
      "Reviews of one installation running at once (with Redis, across all workers). In one process, without it, a free slot goes to the installation with the fewest running, so one organisation's burst never makes another's pull request wait behind it; with it, one installation never holds more.",
    example: '1',
  },
  SIFT_INSTALLATION_DAILY_TOKENS: {
    group: 'Reviews',
    default: 'no cap',
    meaning:
      "Model tokens (prompt and completion, every attempt) one installation may spend per UTC day. Once spent, its reviews end with a neutral check run saying so and when the budget starts over (00:00 UTC), and replies in Sift's threads are declined; a call already running is finished and counted.",
    example: '5000000',
  },
  SIFT_INSTALLATION_MONTHLY_TOKENS: {
    group: 'Reviews',
    default: 'no cap',
    meaning: 'The same per UTC calendar month (starts over on the 1st).',
    example: '100000000',
  },
  SIFT_PLANS_FILE: {
    group: 'Reviews',
    default: 'no plans: no limits',
    meaning:
      'A YAML file mapping the GitHub Marketplace plans an organisation can buy to what each allows (reviews per month, files and changed lines per pull request, review passes, private repositories), checked at start (see **Plans and the Marketplace**). Without it nothing is limited, as a self-hosted install wants. Reviews beyond a plan end with a neutral check run naming the limit, the usage, when it resets and where to upgrade.',
    example: '/etc/sift/plans.yml',
  },
  SIFT_MARKETPLACE_STUBBED: {
    group: 'Reviews',
    default: '`false`',
    meaning:
      "`true` asks the Marketplace's stubbed endpoints (`/marketplace_listing/stubbed/…`) for an account's plan, as GitHub recommends while testing a listing.",
    example: 'true',
  },
  SIFT_INSTALLATION_MODEL_KEY: {
    group: 'Reviews',
    default: "unset: every installation uses the server's model",
    meaning:
      'Set, installations may bring their own model endpoint and key (`sift installation-model set`), kept encrypted with this key (AES-256-GCM) and deleted with the installation. 32 random bytes in base64. Losing it makes the stored keys unreadable: set them again.',
    example: 'base64 of 32 random bytes',
  },
  SIFT_CACHE_DIR: {
    group: 'Reviews',
    default: '`<OS temp>/sift-cache`',
    meaning: 'Where repository files downloaded for cross-file context are kept between reviews.',
    example: '/var/cache/sift',
  },
  SIFT_DATA_DIR: {
    group: 'Server and logs',
    default: '`./sift-data`',
    meaning:
      'Where Sift keeps its state (an embedded SQLite database, created 0700): deliveries seen, last reviewed heads, feedback, outcomes, and the journal of accepted jobs that a restart resumes. Give it a volume in containers.',
    example: '/var/lib/sift',
  },
  REDIS_URL: {
    group: 'Server and logs',
    default: '—',
    meaning:
      'Runs Sift at scale: jobs go to a BullMQ queue and state (deliveries seen, reviewed heads, feedback, outcomes, spend) to this Redis, shared by any number of web and worker processes. Run Redis with AOF (`appendonly yes`). Without it, one process keeps everything in the embedded database.',
    example: 'redis://localhost:6379',
  },
  SIFT_ROLE: {
    group: 'Server and logs',
    default: '`all`',
    meaning:
      '`web` only takes webhooks and enqueues; `worker` only runs jobs (what `sift worker` starts); `all` does both. `web` and `worker` need `REDIS_URL`.',
    example: 'all',
  },
  SIFT_JOB_LOCK_SECONDS: {
    group: 'Server and logs',
    default: '`30`',
    meaning:
      'With Redis: how long a worker that stops answering (killed, frozen) keeps its job before another worker takes it over.',
    example: '30',
  },
  SIFT_CACHE_MAX_MB: {
    group: 'Reviews',
    default: '`2048`',
    meaning: 'Size of that cache; the least recently used files go first.',
    example: '2048',
  },
};
