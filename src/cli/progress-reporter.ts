import type { Output } from './cli-deps.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Shows what a long command is doing on standard error: on a terminal, one line that updates in
 * place; elsewhere (CI logs, pipes), one line per step.
 */
export function createProgressReporter(stderr: Output, options: { quiet: boolean }) {
  let frame = 0;
  let shown = false;
  return {
    update(message: string) {
      if (options.quiet) return;
      if (stderr.isTTY) {
        stderr.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${message}`);
        shown = true;
      } else {
        stderr.write(`sift: ${message}\n`);
      }
    },
    done() {
      if (shown) stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
