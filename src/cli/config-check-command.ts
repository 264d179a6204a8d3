import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadLocalConfig } from '../config/load-local-config.js';
import { REPO_CONFIG_PATH } from '../config/loaded-repo-config.js';
import { UsageError } from '../errors.js';
import type { CliDeps } from './cli-deps.js';
import { formatConfigProblem } from './format-config-problem.js';

/**
 * `sift config check [file]`: validates a configuration file the way the app will, and prints
 * the effective settings. Returns 1 when the file has problems, so it can guard a CI job; 0 when
 * the repository has no `.github/sift.yml`, since the defaults are a valid configuration.
 */
export async function configCheckCommand(args: readonly string[], deps: CliDeps): Promise<number> {
  if (args.length > 1) throw new UsageError('[sift] usage: sift config check [file]');
  const file = resolve(deps.cwd, args[0] ?? REPO_CONFIG_PATH);
  // A repository without .github/sift.yml is configured: by the defaults. A file named is expected.
  const loaded = await loadLocalConfig({ file, optional: args[0] === undefined });
  for (const problem of loaded.problems) deps.stderr.write(`${formatConfigProblem(problem)}\n`);
  const verdict =
    loaded.layers[0]?.content === null
      ? `there is no ${file}: the defaults apply`
      : loaded.problems.length === 0
        ? 'valid'
        : 'the defaults apply to the keys above';
  deps.stdout.write(`# effective configuration (${verdict})\n`);
  deps.stdout.write(stringify(loaded.config));
  return loaded.problems.length === 0 ? 0 : 1;
}
