import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface BenchProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** A throwaway redis-server as the README recommends running it: AOF, fsync every second. */
export async function startBenchRedis(dir: string): Promise<BenchProcess> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
    ],
    { stdio: 'ignore' },
  );
  await waitUntil(() => answers(port));
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/**
 * Sift from its sources (tsx) as a process of its own — `npm start`'s server, or `sift worker` —
 * so the load generator and the fakes in the bench process do not share its event loop.
 */
export async function startBenchProcess(
  kind: 'server' | 'worker',
  env: Record<string, string | undefined>,
): Promise<BenchProcess & { readonly port: number }> {
  const port = await freePort();
  const entry = kind === 'server' ? ['src/main.ts'] : ['src/cli/main.ts', 'worker'];
  const child = spawn(
    process.execPath,
    [...(env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', ...entry],
    {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', logFile(kind), 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/readyz`).catch(() => null))?.ok === true);
  return { url, port, stop: () => stopChild(child) };
}

/** Where a process's log goes: a file under BENCH_LOG_DIR, or nowhere. */
function logFile(kind: string): 'ignore' | number {
  const dir = process.env.BENCH_LOG_DIR;
  if (!dir) return 'ignore';
  mkdirSync(dir, { recursive: true });
  return openSync(join(dir, `${kind}-${process.pid}-${Date.now()}.log`), 'w');
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Redis answers PING (not `-LOADING` while it replays its AOF). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (reply) => {
      socket.destroy();
      resolve(reply.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('a bench process did not start in time');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
