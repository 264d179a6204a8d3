import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describeError, UsageError } from '../errors.js';
import type { LoadedRepoConfig } from './loaded-repo-config.js';
import { REPO_CONFIG_PATH } from './loaded-repo-config.js';
import { parseRepoConfig } from './parse-repo-config.js';
import { resolveRepoConfig } from './resolve-repo-config.js';

const run = promisify(execFile);

/**
 * Configuration for the CLI: a file given with `--config`, or `.github/sift.yml` as committed at
 * the base commit of the change (the same rule as the app: the change under review cannot
 * configure its own review). Organisation inheritance needs GitHub and does not apply here. A
 * file that cannot be read is a usage error, unless it is `optional` and missing; a missing
 * `.github/sift.yml` means the defaults. A missing file is one layer with null content.
 */
export async function loadLocalConfig(
  source: { file: string; optional?: boolean } | { directory: string; ref: string },
): Promise<LoadedRepoConfig> {
  let text: string | null;
  let label: string;
  if ('file' in source) {
    label = source.file;
    text = await readFile(source.file, 'utf8').catch((error: unknown) => {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (missing && source.optional) return null;
      throw new UsageError(
        `[sift] cannot read ${source.file}: ${missing ? 'there is no such file' : describeError(error)}`,
      );
    });
  } else {
    // The path as the repository knows it, which editors and terminals can open from its root.
    label = REPO_CONFIG_PATH;
    text = await run('git', ['-C', source.directory, 'show', `${source.ref}:${REPO_CONFIG_PATH}`])
      .then((result) => result.stdout)
      .catch(() => null);
  }
  if (text === null) {
    return {
      config: resolveRepoConfig({}).config,
      problems: [],
      layers: [{ repository: 'local', path: label, content: null }],
    };
  }
  return parseRepoConfig(text, label);
}
