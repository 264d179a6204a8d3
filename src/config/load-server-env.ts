import { resolve } from 'node:path';
import { getPrivateKey } from '@probot/get-private-key';
import { EnvInvalidError } from '../errors.js';
import { envSchema, type ParsedEnv } from './env-schema.js';
import { type ModelProvider, parseEnv, providerOf, type SiftEnv, siftEnvOf } from './load-env.js';

export interface ListenSettings {
  readonly host: string;
  readonly port: number;
  readonly webhookPath: string;
}

export interface LogSettings {
  readonly level: ParsedEnv['LOG_LEVEL'];
  readonly format: 'json' | 'pretty';
  readonly levelInString: boolean;
  readonly messageKey: string;
}

export interface AppCredentials {
  readonly appId: number;
  readonly privateKey: string;
  readonly webhookSecret: string;
  /** `https://api.github.com`, or `<protocol>://<GHE_HOST>/api/v3`. */
  readonly baseUrl: string;
  readonly webhookProxyUrl: string | undefined;
}

/**
 * What `npm start` will do. Without any app credentials it serves Probot's setup page, which
 * registers the app and writes them to `.env`; with credentials it reviews, and then every setting
 * it needs must be present and valid.
 */
export type ServerEnv =
  | { readonly mode: 'setup'; readonly listen: ListenSettings; readonly log: LogSettings }
  | {
      readonly mode: 'app';
      readonly listen: ListenSettings;
      readonly log: LogSettings;
      readonly app: AppCredentials;
      readonly sift: SiftEnv;
      /** Where the embedded database lives, resolved from the working folder. */
      readonly dataDir: string;
      readonly scale: ScaleSettings;
      readonly marketplace: MarketplaceSettings;
      /** Seals installations' own model keys; undefined: installations cannot bring their own. */
      readonly installationModelKey: Buffer | undefined;
    };

/** Where the operator's plans come from, and which Marketplace endpoints say what an account bought. */
export interface MarketplaceSettings {
  /** The plans file, resolved from the working folder; undefined: no plans, no limits. */
  readonly plansFile: string | undefined;
  /** Ask the stubbed Marketplace endpoints (testing a listing). */
  readonly stubbed: boolean;
}

/** One process with the embedded database, or one of many sharing Redis. */
export type ScaleSettings =
  | { readonly role: 'all'; readonly redisUrl: undefined }
  | {
      readonly role: 'all' | 'web' | 'worker';
      readonly redisUrl: string;
      /** How long a silent worker keeps its job before another takes it over. */
      readonly jobLockMs: number;
    };

/**
 * Reads and checks every setting the server needs before it starts, and reports all problems at
 * once. Half a set of credentials, a missing webhook secret (Probot would fall back to the public
 * value `development`) or missing model settings stop it with a message naming what to set — a
 * server that starts without them answers webhooks and reviews nothing.
 */
export function loadServerEnv(env: NodeJS.ProcessEnv, options: { cwd: string }): ServerEnv {
  const values = parseEnv(envSchema, env);
  const listen = { host: values.HOST, port: values.PORT, webhookPath: values.WEBHOOK_PATH };
  const log: LogSettings = {
    level: values.LOG_LEVEL,
    format: values.LOG_FORMAT ?? (values.NODE_ENV === 'production' ? 'json' : 'pretty'),
    levelInString: values.LOG_LEVEL_IN_STRING === 'true',
    messageKey: values.LOG_MESSAGE_KEY,
  };
  const problems: string[] = [];
  const privateKey = readPrivateKey(env, options.cwd, problems);
  if (values.APP_ID === undefined && privateKey === null && problems.length === 0) {
    if (values.NODE_ENV !== 'production') return { mode: 'setup', listen, log };
    problems.push(
      'APP_ID and PRIVATE_KEY are not set, and the setup page is not served when NODE_ENV=production: register the app first (npm start without NODE_ENV) or set them',
    );
  } else if (values.APP_ID === undefined) {
    problems.push(
      'a private key is set but APP_ID is not: copy the App ID from the GitHub App settings page',
    );
  } else if (privateKey === null && problems.length === 0) {
    problems.push(
      'APP_ID is set but there is no private key: set PRIVATE_KEY (the PEM text) or PRIVATE_KEY_PATH (a .pem file)',
    );
  }
  if (!values.WEBHOOK_SECRET) {
    problems.push(
      "WEBHOOK_SECRET is not set: copy it from the GitHub App settings page (Sift does not fall back to Probot's public default)",
    );
  }
  if (values.SIFT_ROLE !== 'all' && !values.REDIS_URL) {
    // Without Redis there is no queue for a web process to hand jobs to, nor one a worker could take them from.
    problems.push(
      `SIFT_ROLE=${values.SIFT_ROLE} needs REDIS_URL: web and worker processes share their queue and state through Redis (without it, run one process with SIFT_ROLE=all)`,
    );
  }
  const provider: ModelProvider | null = providerOf(values, problems);
  if (
    problems.length > 0 ||
    !provider ||
    values.APP_ID === undefined ||
    !privateKey ||
    !values.WEBHOOK_SECRET
  ) {
    throw new EnvInvalidError(`[sift] cannot start: ${problems.join('; ')}`);
  }
  return {
    mode: 'app',
    listen,
    log,
    app: {
      appId: values.APP_ID,
      privateKey,
      webhookSecret: values.WEBHOOK_SECRET,
      baseUrl: values.GHE_HOST
        ? `${values.GHE_PROTOCOL}://${values.GHE_HOST}/api/v3`
        : 'https://api.github.com',
      webhookProxyUrl: values.WEBHOOK_PROXY_URL,
    },
    sift: siftEnvOf(values, provider),
    dataDir: resolve(options.cwd, values.SIFT_DATA_DIR ?? 'sift-data'),
    marketplace: {
      plansFile: values.SIFT_PLANS_FILE ? resolve(options.cwd, values.SIFT_PLANS_FILE) : undefined,
      stubbed: values.SIFT_MARKETPLACE_STUBBED === 'true',
    },
    installationModelKey: values.SIFT_INSTALLATION_MODEL_KEY
      ? Buffer.from(values.SIFT_INSTALLATION_MODEL_KEY, 'base64')
      : undefined,
    scale: values.REDIS_URL
      ? { role: values.SIFT_ROLE, redisUrl: values.REDIS_URL, jobLockMs: values.SIFT_JOB_LOCK_SECONDS * 1000 }
      : { role: 'all', redisUrl: undefined },
  };
}

/** The private key as Probot finds it (PRIVATE_KEY, PRIVATE_KEY_PATH, or one .pem file in the folder). */
function readPrivateKey(env: NodeJS.ProcessEnv, cwd: string, problems: string[]): string | null {
  try {
    return getPrivateKey({ env, cwd })?.toString() ?? null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^\[@probot\/get-private-key\] /, '') : '';
    problems.push(`the private key cannot be read: ${reason}`);
    return null;
  }
}
