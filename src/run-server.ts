import type { Server } from 'node:http';
import { join } from 'node:path';
import { Probot, run } from 'probot';
import { createSift, type Sift } from './app.js';
import { loadServerEnv, type ServerEnv } from './config/load-server-env.js';
import { withDotEnv } from './config/with-dot-env.js';
import { SiftError } from './errors.js';
import { createGitHubRepository } from './github/github-repository.js';
import type { SiftJob } from './jobs/sift-job.js';
import { createModelClient } from './llm/create-model-client.js';
import type { Logger } from './logger.js';
import { createSiftMetrics } from './metrics/sift-metrics.js';
import { createBlobCache } from './repository/blob-cache.js';
import { createHttpServer } from './server/create-http-server.js';
import { createLogger } from './server/create-logger.js';
import { listen } from './server/listen.js';
import { receiveWebhook } from './server/receive-webhook.js';
import { startWebhookProxy } from './server/start-webhook-proxy.js';
import { openSqliteStore } from './store/sqlite-store.js';

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
  if (settings.mode === 'setup') {
    // Probot's own server serves the page that registers the app from app.yml and writes `.env`.
    await run(() => {}, { env });
    return null;
  }
  return startApp(settings);
}

async function startApp(settings: Extract<ServerEnv, { mode: 'app' }>): Promise<RunningServer> {
  const log = await createLogger(settings.log);
  const probot = new Probot({
    appId: settings.app.appId,
    privateKey: settings.app.privateKey,
    secret: settings.app.webhookSecret,
    baseUrl: settings.app.baseUrl,
    log,
  });
  const cache = createBlobCache({ directory: settings.sift.cacheDir, maxBytes: settings.sift.cacheMaxBytes });
  const store = openSqliteStore<SiftJob>(settings.dataDir);
  log.info({ database: store.path }, 'state kept in the embedded database');
  const metrics = createSiftMetrics();
  const sift: Sift = createSift({
    metrics,
    model: createModelClient(settings.sift, (message) => log.warn(message)),
    env: settings.sift,
    repositoryFor: (octokit, repository) => createGitHubRepository(octokit, repository, { cache }),
    store,
    journal: store.journal,
  });
  await probot.load(sift.app);
  const server: Server = createHttpServer(
    {
      webhookPath: settings.listen.webhookPath,
      receiveWebhook: (request, response) =>
        receiveWebhook(request, response, {
          secret: settings.app.webhookSecret,
          log,
          receive: (delivery) => probot.receive(delivery as never),
        }),
      ready: async () =>
        store.reachable()
          ? { ready: true, detail: `embedded database at ${store.path}` }
          : { ready: false, detail: `the embedded database at ${store.path} does not answer` },
      metrics: () => metrics.render(),
    },
    log,
  );
  const port = await listen(server, settings.listen);
  log.info(
    `Sift is listening on http://${settings.listen.host}:${port} (webhooks at ${settings.listen.webhookPath})`,
  );
  const proxy = settings.app.webhookProxyUrl
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
    store.close();
  };
  stopOnSignals(stop, log);
  return { port, stop };
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
