import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { afterAll, describe } from 'vitest';
import { makeTempDir } from './temp-dir.js';

// A cold redis-server answers in milliseconds; an AOF replay of a test's data in well under a second.
const START_TIMEOUT_MS = 10_000;
const PING_EVERY_MS = 25;

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Where Redis keeps its append-only file. */
  readonly dir: string;
  /** SIGKILL, as a crash or an OOM kill would: only what was fsynced survives. Waits for the exit. */
  kill(): Promise<void>;
  /** Starts Redis again on the same port and folder, so it replays its AOF; waits until it answers. */
  restart(): Promise<void>;
  /** Stops Redis and removes its folder. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// On Linux, setpriv makes the kernel kill redis-server when this worker dies, however it dies.
const canTieToParent = commandExists('setpriv');

// The last line of defence if a test file ends without its afterAll (the worker exits).
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Whether `redis-server` is on PATH. */
export function redisServerAvailable(): boolean {
  return commandExists('redis-server');
}

/**
 * `describe` for tests that need a real redis-server. Without one it skips, saying why in the
 * name, unless SIFT_TEST_REDIS=required (set in CI, where Redis is installed), where it fails the
 * file, so Redis tests can never pass there by not running. Every server started with
 * startRedisServer is stopped after the block, whether its tests passed or not.
 */
export function describeWithRedis(name: string, fn: () => void, env = process.env): void {
  if (!redisServerAvailable()) {
    if (env.SIFT_TEST_REDIS === 'required') {
      throw new Error(
        `[sift] "${name}" needs redis-server, and SIFT_TEST_REDIS=required: install Redis (apt-get install redis-server) or unset SIFT_TEST_REDIS`,
      );
    }
    describe.skip(`${name} (skipped: redis-server is not on PATH; install Redis to run these)`, fn);
    return;
  }
  describe(name, () => {
    afterAll(stopAllRedisServers);
    fn();
  });
}

/**
 * Starts a throwaway redis-server on a free loopback port, in a fresh folder, persisting with an
 * AOF and no RDB snapshots. By default the AOF is fsynced on every write (a kill loses nothing
 * acknowledged); `everysec` is what the README recommends, where a kill can lose the last second.
 */
export async function startRedisServer(
  options: { appendfsync?: 'always' | 'everysec' } = {},
): Promise<RedisServer> {
  const port = await freePort();
  const dir = makeTempDir('sift-redis-');
  const fsync = options.appendfsync ?? 'always';
  let child = await launch(port, dir, fsync);
  const kill = async () => {
    await killChild(child);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill,
    async restart() {
      await kill();
      child = await launch(port, dir, fsync);
    },
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopAllRedisServers(): Promise<void> {
  await Promise.all([...running].map(killChild));
}

async function launch(port: number, dir: string, fsync: string): Promise<ChildProcess> {
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no', '--dir', dir],
    ...['--save', '', '--appendonly', 'yes', '--appendfsync', fsync],
  ];
  const child = canTieToParent
    ? spawn('setpriv', ['--pdeathsig', 'KILL', 'redis-server', ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await killChild(child);
      throw new Error(`redis-server on port ${port} did not answer PING:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, PING_EVERY_MS));
  }
  return child;
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    // Redis answers `-LOADING …` while it replays the AOF: not ready yet.
    socket.once('data', (reply) => done(reply.toString().startsWith('+PONG')));
  });
}

/** The OS picks a free port for a listener on port 0; closing it leaves that port for Redis. */
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

function commandExists(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
