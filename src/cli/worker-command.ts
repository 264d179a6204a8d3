import { UsageError } from '../errors.js';
import { runServer } from '../run-server.js';
import type { CliDeps } from './cli-deps.js';

export const WORKER_HELP = `sift worker: runs review jobs from Redis (REDIS_URL), beside web processes that take the webhooks.
It reads the same settings as the server (the environment, then .env in the current folder),
and serves /healthz, /readyz and /metrics on PORT. SIGTERM lets running jobs finish, then stops.
`;

/**
 * `sift worker`: the server with SIFT_ROLE=worker. It returns once the worker runs; the process
 * then lives until a signal stops it (the server handles SIGTERM and SIGINT).
 */
export async function workerCommand(args: readonly string[], deps: CliDeps): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    deps.stdout.write(WORKER_HELP);
    return 0;
  }
  if (args.length > 0)
    throw new UsageError(
      `[sift] sift worker takes no arguments (got ${args.join(' ')}); settings come from the environment`,
    );
  const running = await runServer({ env: { ...deps.env, SIFT_ROLE: 'worker' }, cwd: deps.cwd });
  if (!running) throw new UsageError('[sift] sift worker needs the app credentials and REDIS_URL');
  return 0;
}
