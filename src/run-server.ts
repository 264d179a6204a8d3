import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Probot, run } from 'probot';
import { createSift, type Sift } from './app.js';
import { loadServerEnv, type ServerEnv } from './config/load-server-env.js';
import { withDotEnv } from './config/with-dot-env.js';
import { EnvInvalidError, SiftError } from './errors.js';
import { createGitHubRepository } from './github/github-repository.js';
import { createModelClient } from './llm/create-model-client.js';
import { createInstallationModels } from './llm/installation-model/installation-models.js';
import type { Logger } from './logger.js';
import { createSiftMetrics } from './metrics/sift-metrics.js';
import { loadPlansFile } from './plans/load-plans-file.js';
import { createBlobCache } from './repository/blob-cache.js';
import { createHttpServer } from './server/create-http-server.js';
import { createLogger } from './server/create-logger.js';
import { listen } from './server/listen.js';
import { openState } from './server/open-state.js';
import { receiveWebhook } from './server/receive-webhook.js';
import { startWebhookProxy } from './server/start-webhook-proxy.js';

export interface RunningServer {
  readonly port: number;
  /** Stops taking webhooks, lets running reviews finish, then closes. */
  stop(): Promise<void>;
}

/**
 * Starts Sift as `npm start` does. `.env` in the working folder is read first (the file Probot's
 * setup page writes), then every setting is checked: without app credentials Probot's setup page
 * is served; with them, anything missing or invalid stops Sift with a message before it listens.
 */
export async function runServer(
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<RunningServer | null> {
  const cwd = options.cwd ?? process.cwd();
  const env = withDotEnv(options.env ?? process.env, join(cwd, '.env'));
  const settings = loadServerEnv(env, { cwd });
  if (settings.mode === 'setup' && env.SIFT_ROLE === 'worker') {
    throw new EnvInvalidError(
      '[sift] cannot start: a worker needs the app credentials (APP_ID and PRIVATE_KEY or PRIVATE_KEY_PATH) and REDIS_URL',
    );
  }
  if (settings.mode === 'setup') {
    // Probot's own server serves the page that registers the app from app.yml and writes `.env`.
    await run(() => {}, { env });
    return null;
  }
  return startApp(settings);
}

async function startApp(settings: Extract<ServerEnv, { mode: 'app' }>): Promise<RunningServer> {
  // Checked before anything starts: a wrong plans file stops Sift with every problem named.
  const plans = settings.marketplace.plansFile ? loadPlansFile(settings.marketplace.plansFile) : null;
  // What Sift itself must never show: not in a prompt, a log line or anything it posts.
  const credentials = [
    settings.app.privateKey,
    settings.app.webhookSecret,
    settings.sift.provider.apiKey,
    ...(settings.installationModelKey ? [settings.installationModelKey.toString('base64')] : []),
  ];
  const log = await createLogger(settings.log, { credentials });
  const probot = new Probot({
    appId: settings.app.appId,
    privateKey: settings.app.privateKey,
    secret: settings.app.webhookSecret,
    baseUrl: settings.app.baseUrl,
    log,
  });
  const cache = createBlobCache({ directory: settings.sift.cacheDir, maxBytes: settings.sift.cacheMaxBytes });
  const state = openState(settings, log);
  const modelOptions = {
    onRetry: (message: string) => log.warn(message),
    onStepDown: (message: string) => log.warn(message),
    credentials,
  };
  const metrics = createSiftMetrics();
  const sift: Sift = createSift({
    metrics,
    model: createModelClient(settings.sift, modelOptions),
    modelFor:
      settings.installationModelKey &&
      createInstallationModels({
        store: state.store,
        key: settings.installationModelKey,
        env: settings.sift,
        options: modelOptions,
        log,
      }),
    env: settings.sift,
    repositoryFor: (octokit, repository) => createGitHubRepository(octokit, repository, { cache }),
    store: state.store,
    journal: state.journal,
    queue: state.queue,
    plans,
    marketplaceStubbed: settings.marketplace.stubbed,
  });
  await probot.load(sift.app);
  const server: Server = createHttpServer(
    {
      webhookPath: settings.listen.webhookPath,
      receiveWebhook:
        state.role === 'worker'
          ? refuseWebhook
          : (request, response) =>
              receiveWebhook(request, response, {
                secret: settings.app.webhookSecret,
                log,
                receive: (delivery) => probot.receive(delivery as never),
              }),
      ready: () => state.ready(),
      metrics: () => metrics.render(),
    },
    log,
  );
  const port = await listen(server, settings.listen);
  log.info(
    plans ? { plansFile: settings.marketplace.plansFile, plans: plans.plans.map((plan) => plan.name) } : {},
    plans
      ? 'plans loaded: reviews are limited by what each account bought'
      : 'no plans file: nothing is limited',
  );
  log.info(
    state.role === 'worker'
      ? `Sift worker is running; health and metrics on http://${settings.listen.host}:${port}`
      : `Sift is listening on http://${settings.listen.host}:${port} (webhooks at ${settings.listen.webhookPath})`,
  );
  const proxy =
    settings.app.webhookProxyUrl && state.role !== 'worker'
      ? await startWebhookProxy(
          settings.app.webhookProxyUrl,
          `http://127.0.0.1:${port}${settings.listen.webhookPath}`,
          log,
        )
      : null;
  await sift.resume();
  const stop = async () => {
    proxy?.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sift.close();
    await state.close();
  };
  stopOnSignals(stop, log);
  return { port, stop };
}

/** A worker takes jobs from Redis, not webhooks: a delivery sent to it is refused, not dropped silently. */
async function refuseWebhook(_request: IncomingMessage, response: ServerResponse): Promise<void> {
  response.writeHead(503, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      error: 'this Sift process is a worker (SIFT_ROLE=worker); send webhooks to a web process',
    }),
  );
}

/** Docker and Kubernetes stop a container with SIGTERM, a terminal with SIGINT: finish running reviews first. */
function stopOnSignals(stop: () => Promise<void>, log: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log.info(`${signal}: finishing running reviews, then stopping`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** How a start that cannot work ends: one clear line and exit code 1, or the stack of a bug. */
export function reportStartupFailure(error: unknown): void {
  if (error instanceof SiftError) console.error(error.message);
  else console.error('[sift] could not start:', error);
  process.exitCode = 1;
}
