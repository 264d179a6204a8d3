import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { EnvInvalidError } from '../errors.js';

/**
 * The environment with a `.env` file beneath it, the file Probot's setup page writes and the README
 * tells people to edit. Variables already set (and not blank) in the environment win, as with `node --env-file`,
 * so a deployment's secrets are never overridden by a file left on disk. No file means no change.
 */
export function withDotEnv(env: NodeJS.ProcessEnv, path: string): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new EnvInvalidError(`[sift] cannot read ${path}: ${(error as Error).message}`);
  }
  const fromFile = parseEnv(text) as Record<string, string>;
  const merged: NodeJS.ProcessEnv = { ...fromFile };
  for (const [name, value] of Object.entries(env))
    if (value !== undefined && value !== '') merged[name] = value;
  return merged;
}
