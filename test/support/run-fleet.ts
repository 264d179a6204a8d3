import { join } from 'node:path';
import {
  deliverWebhook,
  freePort,
  makeProjectFolder,
  type ServerProcess,
  SIFT_WORKER,
  startServerProcess,
  WEBHOOK_SECRET,
} from './run-server-scenario.js';
import { makeTempDir } from './temp-dir.js';
import { testPrivateKey } from './test-probot.js';

export interface Fleet {
  /** `http://127.0.0.1:<port>` of the web process. */
  readonly webUrl: string;
  readonly workerUrls: readonly string[];
  readonly web: ServerProcess;
  readonly workers: readonly ServerProcess[];
  /** What every process of the fleet wrote, web first; each process's own is in its `output`. */
  output(): string;
  deliver(event: string, payload: unknown, options?: { deliveryId?: string }): Promise<number>;
  /** SIGKILL: the worker dies at once, holding whatever job it had. */
  killWorker(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface FleetOptions {
  /** `host:port` of the fake GitHub (GHE_HOST). */
  readonly githubHost: string;
  readonly modelUrl: string;
  readonly redisUrl: string;
  readonly workers: number;
  /** Settings added to every process's. */
  readonly settings?: Record<string, string>;
  readonly log?: (line: string) => void;
}

/**
 * Sift at scale as the README runs it: one web process (`npm start` with SIFT_ROLE=web) and
 * `sift worker` processes (`node dist/cli/main.js worker`), each with its own port and data
 * directory, sharing one Redis, against a fake GitHub Enterprise Server and a fake model. Every
 * process is stopped by `stop()`, and here when one fails to start.
 */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const cwd = makeProjectFolder();
  const common = {
    APP_ID: '123',
    PRIVATE_KEY: testPrivateKey().replace(/\n/g, '\\n'),
    WEBHOOK_SECRET,
    GHE_HOST: options.githubHost,
    GHE_PROTOCOL: 'http',
    OPENAI_BASE_URL: options.modelUrl,
    OPENAI_API_KEY: 'sk-fleet',
    SIFT_MODEL: 'fleet-model',
    SIFT_CACHE_DIR: makeTempDir('sift-fleet-cache-'),
    REDIS_URL: options.redisUrl,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    ...options.settings,
  };
  const started: ServerProcess[] = [];
  const launch = async (role: 'web' | 'worker') => {
    const port = await freePort();
    const env = {
      ...common,
      SIFT_ROLE: role,
      PORT: String(port),
      SIFT_DATA_DIR: join(makeTempDir(`sift-${role}-`), 'data'),
    };
    const process = await startServerProcess(
      cwd,
      env,
      options.log,
      [],
      role === 'web' ? undefined : SIFT_WORKER,
    );
    started.push(process);
    const url = `http://127.0.0.1:${port}`;
    await process.waitForUrl(`${url}/readyz`);
    return { process, url };
  };
  try {
    const web = await launch('web');
    const workers: Array<{ process: ServerProcess; url: string }> = [];
    for (let index = 0; index < options.workers; index += 1) workers.push(await launch('worker'));
    return {
      webUrl: web.url,
      workerUrls: workers.map((worker) => worker.url),
      web: web.process,
      workers: workers.map((worker) => worker.process),
      output: () => started.map((process) => process.output.join('\n')).join('\n'),
      deliver: (event, payload, deliverOptions) => deliverWebhook(web.url, event, payload, deliverOptions),
      killWorker: async (index) => {
        await workers[index]?.process.stop('SIGKILL');
      },
      stop: async () => {
        await Promise.all(started.map((process) => process.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((process) => process.stop()));
    throw error;
  }
}
