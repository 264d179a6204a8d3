import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv, type SiftEnv } from '../config/load-env.js';
import { withDotEnv } from '../config/with-dot-env.js';
import { EnvInvalidError, UsageError } from '../errors.js';

// loadEnv words its advice for the server, which reads .env and runs with deployment secrets.
const SERVER_ADVICE =
  /\b([A-Z][A-Z0-9_]*) is not(?: set)?: set it in the environment \(the server also reads \.env\) or the deployment secrets/g;

/**
 * The model settings for a command: the environment over the variables of `--env-file` (parsed as
 * the server parses `.env`; a variable set and not blank in the environment wins), under the
 * command's own flags. Unlike `npm start`, the CLI reads no `.env` by itself: it runs in other
 * people's repositories, whose `.env` is theirs and may hold another program's keys.
 */
export function loadCliEnv(
  env: NodeJS.ProcessEnv,
  options: { cwd: string; envFile?: string | undefined; overrides?: NodeJS.ProcessEnv },
): SiftEnv {
  let merged = env;
  if (options.envFile !== undefined) {
    const path = resolve(options.cwd, options.envFile);
    // withDotEnv treats a missing file as none, as the server must; a file named on purpose must exist.
    if (!existsSync(path))
      throw new UsageError(`[sift] cannot read --env-file ${options.envFile}: there is no such file`);
    merged = withDotEnv(env, path);
  }
  try {
    return loadEnv({ ...merged, ...options.overrides });
  } catch (error) {
    if (!(error instanceof EnvInvalidError)) throw error;
    throw new EnvInvalidError(
      error.message.replace(
        SERVER_ADVICE,
        (_, name: string) => `${name} is not set: export ${name} or pass --env-file .env`,
      ),
    );
  }
}
