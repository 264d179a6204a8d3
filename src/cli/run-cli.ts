import { SiftError } from '../errors.js';
import type { CliDeps } from './cli-deps.js';
import { configCheckCommand } from './config-check-command.js';
import { evalCommand } from './eval-command.js';
import { HELP_TEXT } from './help-text.js';
import { installationModelCommand } from './installation-model-command.js';
import { reviewCommand } from './review-command.js';
import { workerCommand } from './worker-command.js';

/**
 * The `sift` command: dispatches to a subcommand and turns every expected failure into a message
 * and an exit code — 0 done, 1 findings over --fail-on or problems found, 2 a usage or setup
 * error. Unexpected errors are printed with their stack for a bug report.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'review':
        return await reviewCommand(rest, deps);
      case 'eval':
        return await evalCommand(rest, deps);
      case 'worker':
        return await workerCommand(rest, deps);
      case 'installation-model':
        return await installationModelCommand(rest, deps);
      case 'config':
        if (rest[0] !== 'check') break;
        return await configCheckCommand(rest.slice(1), deps);
      case '--version':
      case '-v':
        deps.stdout.write(`${deps.version}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        deps.stdout.write(HELP_TEXT);
        return 0;
    }
    deps.stderr.write(`sift: unknown command ${JSON.stringify(argv.join(' '))}\n\n${HELP_TEXT}`);
    return 2;
  } catch (error) {
    if (error instanceof SiftError) {
      deps.stderr.write(`${error.message.replace(/^\[sift\] /, 'sift: ')}\n`);
      return 2;
    }
    deps.stderr.write(
      `sift: unexpected error — please report it\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  }
}
