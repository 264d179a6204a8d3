import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type FakeGitHub, startFakeGitHub } from './fake-github-server.js';
import { type ChatRequest, type FakeModel, startFakeModel } from './fake-model-server.js';
import type { FakePullRequest } from './pull-request-from-git.js';
import { testPrivateKey } from './test-probot.js';

const ROOT = join(import.meta.dirname, '../..');
const WEBHOOK_SECRET = 'scenario-secret';

export interface ServerScenario {
  readonly github: FakeGitHub;
  readonly model: FakeModel;
  readonly output: string[];
  /** Sends a signed webhook the way GitHub does and returns the HTTP status Sift answered with. */
  deliver(
    event: string,
    payload: unknown,
    options?: { deliveryId?: string; secret?: string },
  ): Promise<number>;
  /** Waits until the fake GitHub has seen `count` completed check runs. */
  waitForCompletedCheckRuns(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts Sift exactly as a user does — `npm start`, which builds and runs dist/main.js — against a
 * fake GitHub Enterprise Server (GHE_HOST, GHE_PROTOCOL=http) and a fake OpenAI-compatible model
 * (OPENAI_BASE_URL), all on 127.0.0.1.
 */
export async function runServerScenario(
  pr: FakePullRequest,
  answer: (request: ChatRequest) => unknown,
  options: { command?: string[]; log?: (line: string) => void } = {},
): Promise<ServerScenario> {
  const github = await startFakeGitHub(pr);
  const model = await startFakeModel(answer);
  const port = await freePort();
  const output: string[] = [];
  const [command = 'npm', ...args] = options.command ?? ['npm', 'start', '--silent'];
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      APP_ID: '123',
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: 'sk-scenario',
      SIFT_MODEL: 'scenario-model',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops npm and the node process npm started.
    detached: true,
  });
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      options.log?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${base}/ping`).catch(() => null))?.ok === true,
    120_000,
    () => `Sift did not start:\n${output.slice(-20).join('\n')}`,
  );

  return {
    github,
    model,
    output,
    async deliver(event, payload, { deliveryId = crypto.randomUUID(), secret = WEBHOOK_SECRET } = {}) {
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const response = await fetch(`${base}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': deliveryId,
          'x-hub-signature-256': signature,
        },
        body,
      });
      return response.status;
    },
    async waitForCompletedCheckRuns(count, timeoutMs = 30_000) {
      await waitFor(
        async () => github.checkRuns.filter((run) => run.body.status === 'completed').length >= count,
        timeoutMs,
        () => `no completed check run; Sift said:\n${output.slice(-20).join('\n')}`,
      );
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
      await Promise.all([github.close(), model.close()]);
    },
  };
}

async function freePort(): Promise<number> {
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

async function waitFor(
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
