import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type FakeGitHub, startFakeGitHub } from './fake-github-server.js';
import { type FakeModel, startFakeModel } from './fake-model-server.js';
import type { FakePullRequest } from './pull-request-from-git.js';
import { makeTempDir } from './temp-dir.js';
import { testPrivateKey } from './test-probot.js';

const ROOT = join(import.meta.dirname, '../..');
export const WEBHOOK_SECRET = 'scenario-secret';
const NPM_START = ['npm', 'start', '--ignore-scripts', '--silent'];
/** How the README starts a worker, once built. */
export const SIFT_WORKER = ['node', 'dist/cli/main.js', 'worker'];
/** A started server answers /ping within seconds; a loaded CI machine may take many times that. */
const START_TIMEOUT_MS = 90_000;
/** Process-starting tests get this long in all: start, a review or two, and stop. */
export const SERVER_TEST_TIMEOUT_MS = 180_000;

export interface ServerScenario {
  readonly github: FakeGitHub;
  readonly model: FakeModel;
  readonly output: string[];
  /** `http://127.0.0.1:<port>`: the server's own address. */
  readonly baseUrl: string;
  /** Sends a signed webhook the way GitHub does and returns the HTTP status Sift answered with. */
  deliver(
    event: string,
    payload: unknown,
    options?: { deliveryId?: string; secret?: string },
  ): Promise<number>;
  /** Kills the server with SIGKILL, as a crash or an out-of-memory kill would: no shutdown at all. */
  crash(): Promise<void>;
  /** Starts the server again in the same folder with the same settings (its data directory too). */
  restart(): Promise<void>;
  /** Waits until the fake GitHub has seen `count` completed check runs. */
  waitForCompletedCheckRuns(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ScenarioOptions {
  readonly log?: (line: string) => void;
  /**
   * `environment` (default): settings in the process environment, `npm start` in the project.
   * `dotenv`: the README's way — a folder holding the project and a `.env` file with every
   * setting, and an environment that holds nothing but PATH and HOME.
   */
  readonly settingsFrom?: 'environment' | 'dotenv';
  /**
   * Settings added to (or, with an empty value, blanked in) the ones a working server needs; a
   * function gets the fakes first, for settings that name their addresses (AZURE_OPENAI_ENDPOINT).
   */
  readonly settings?:
    | Record<string, string>
    | ((fakes: { github: FakeGitHub; model: FakeModel }) => Record<string, string>);
}

/**
 * Starts Sift as a user does — `npm start` (built once per test run by test/global-setup.ts, so the
 * build step is skipped here) — against a fake GitHub Enterprise Server (GHE_HOST,
 * GHE_PROTOCOL=http) and a fake OpenAI-compatible model (OPENAI_BASE_URL), all on 127.0.0.1. The
 * process is always stopped: by `stop()`, or here when it fails to start.
 */
export async function runServerScenario(
  pr: FakePullRequest,
  answer: Parameters<typeof startFakeModel>[0],
  options: ScenarioOptions = {},
): Promise<ServerScenario> {
  const github = await startFakeGitHub(pr);
  const model = await startFakeModel(answer);
  const port = await freePort();
  const settings: Record<string, string> = {
    APP_ID: '123',
    PRIVATE_KEY: testPrivateKey().replace(/\n/g, '\\n'),
    WEBHOOK_SECRET,
    GHE_HOST: github.host,
    GHE_PROTOCOL: 'http',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: 'sk-scenario',
    SIFT_MODEL: 'scenario-model',
    SIFT_CACHE_DIR: makeTempDir('sift-scenario-cache-'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    ...(typeof options.settings === 'function' ? options.settings({ github, model }) : options.settings),
  };
  const fromDotEnv = options.settingsFrom === 'dotenv';
  const cwd = makeProjectFolder(fromDotEnv ? settings : {});
  const output: string[] = []; // every process this scenario starts writes here
  const start = () => startServerProcess(cwd, fromDotEnv ? {} : settings, options.log, output);
  let server = await start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await server.stop();
    await Promise.all([github.close(), model.close()]);
  };
  const started = async () => {
    try {
      await server.waitForUrl(`${baseUrl}/ping`);
    } catch (error) {
      await stop();
      throw error;
    }
  };
  await started();

  return {
    github,
    model,
    output,
    baseUrl,
    deliver: (event, payload, options) => deliverWebhook(baseUrl, event, payload, options),
    async crash() {
      await server.stop('SIGKILL');
    },
    async restart() {
      server = await start();
      await started();
    },
    async waitForCompletedCheckRuns(count, timeoutMs = 60_000) {
      await waitFor(
        async () => github.checkRuns.filter((run) => run.body.status === 'completed').length >= count,
        timeoutMs,
        () => `no completed check run; Sift said:\n${tail(output)}`,
      );
    },
    stop,
  };
}

/** Sends a signed webhook to a Sift process the way GitHub does; returns the HTTP status it answered. */
export async function deliverWebhook(
  baseUrl: string,
  event: string,
  payload: unknown,
  {
    deliveryId = crypto.randomUUID(),
    secret = WEBHOOK_SECRET,
  }: { deliveryId?: string; secret?: string } = {},
): Promise<number> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const response = await fetch(`${baseUrl}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': signature,
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

/**
 * A folder laid out like a checkout after `npm ci && npm run build` (its parts linked to this one),
 * with a `.env` holding `dotEnv` when there are any — as Probot's setup page and the README leave
 * it. Tests never start Sift in the project itself, where a developer's own `.env` may be.
 */
export function makeProjectFolder(dotEnv: Record<string, string> = {}): string {
  const folder = makeTempDir('sift-install-');
  for (const entry of ['package.json', 'dist', 'node_modules', 'prompts', 'app.yml']) {
    symlinkSync(join(ROOT, entry), join(folder, entry));
  }
  const lines = Object.entries(dotEnv).map(([name, value]) => `${name}="${value.replace(/"/g, '\\"')}"`);
  if (lines.length > 0) writeFileSync(join(folder, '.env'), `${lines.join('\n')}\n`);
  return folder;
}

/** Process groups started and not yet exited: killed if the test worker exits first (a hook that timed out). */
const runningGroups = new Set<number>();
process.once('exit', () => {
  for (const group of runningGroups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface ServerProcess {
  readonly output: string[];
  /** Resolves once `url` answers 2xx; fails when the process exits or START_TIMEOUT_MS passes. */
  waitForUrl(url: string): Promise<void>;
  /** Stops the process group (npm and the node process it started) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `npm start` in `cwd` with an environment of PATH, HOME and TMPDIR plus `env`, in its own process
 * group so that stopping it stops npm and the node process npm started.
 */
export async function startServerProcess(
  cwd: string,
  env: Record<string, string>,
  log?: (line: string) => void,
  output: string[] = [],
  command: readonly string[] = NPM_START,
): Promise<ServerProcess> {
  const [program, ...args] = command as [string, ...string[]];
  const child: ChildProcess = spawn(program, args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid) runningGroups.add(child.pid);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      if (child.pid) runningGroups.delete(child.pid);
      resolve();
    }),
  );
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      log?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    output,
    async waitForUrl(url) {
      await waitFor(
        async () => {
          if (child.exitCode !== null)
            throw new Error(`Sift exited with ${child.exitCode}:\n${tail(output)}`);
          return (await fetch(url).catch(() => null))?.ok === true;
        },
        START_TIMEOUT_MS,
        () => `Sift did not start in ${START_TIMEOUT_MS / 1000} s:\n${tail(output)}`,
      );
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const group = child.pid;
      try {
        process.kill(-group, signal);
      } catch {
        return; // already gone
      }
      await exited;
      // npm exits once its node process does, but a server that ignores the signal (Probot's
      // setup page) would outlive it as an orphan: whatever is left of the group is killed.
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // the whole group is gone, as it should be
      }
    },
  };
}

/** Runs `npm start` in a folder until it exits (or is killed after `timeoutMs`): for starts that must fail. */
export async function runStartCommand(
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = START_TIMEOUT_MS,
): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', ['start', '--ignore-scripts', '--silent'], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exit) => resolve(exit)));
  clearTimeout(timer);
  return { code, output };
}

export function tail(output: readonly string[]): string {
  return output.slice(-20).join('\n');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(describe());
}
