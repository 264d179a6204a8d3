import type { Output } from './cli-deps.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

// A model call can take a minute or more; a line that moves every second says Sift is not stuck.
const TICK_MS = 1_000;

/** Time for the progress line, and a ticker to redraw it; injected so tests can move time by hand. */
export interface ProgressClock {
  /** Milliseconds from an arbitrary start; only differences are used. */
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called, without keeping the process alive. */
  every(ms: number, tick: () => void): () => void;
}

export const SYSTEM_CLOCK: ProgressClock = {
  now: () => performance.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    // A forgotten ticker must not hold `sift` open after its work is done.
    timer.unref();
    return () => clearInterval(timer);
  },
};

/**
 * Shows what a long command is doing on standard error, with how long each stage has taken. On a
 * terminal, one line redrawn in place every second while a stage runs (`⠙ reviewing 3 files · 12s`).
 * Elsewhere — CI logs, pipes, or NO_COLOR set — one plain line per stage with the time since the
 * line before (`sift: verifying 1 finding (+1m 23s)`), and a last line with the total. `log`
 * writes a line that stays (a warning) without breaking the progress line. `done` ends a run that
 * succeeded; `stop` ends any run, and is safe to call again (a `finally` block).
 */
export function createProgressReporter(
  stderr: Output,
  options: { quiet: boolean; noColor: boolean },
  clock: ProgressClock = SYSTEM_CLOCK,
) {
  const interactive = !options.quiet && Boolean(stderr.isTTY) && !options.noColor;
  const started = clock.now();
  let stage: { message: string; since: number } | null = null;
  let frame = 0;
  let stopTicker: (() => void) | null = null;

  const draw = () => {
    if (!stage) return;
    const prefix = `${FRAMES[frame++ % FRAMES.length]} `;
    const suffix = ` · ${formatElapsed(clock.now() - stage.since)}`;
    // One column short of the width: writing into the last column wraps on some terminals.
    const room = stderr.columns
      ? stderr.columns - 1 - prefix.length - suffix.length
      : Number.POSITIVE_INFINITY;
    const message =
      [...stage.message].length > room
        ? `${[...stage.message].slice(0, Math.max(0, room - 1)).join('')}…`
        : stage.message;
    stderr.write(`\r\x1b[2K${prefix}${message}${suffix}`);
  };

  const stop = () => {
    stopTicker?.();
    stopTicker = null;
    if (interactive && stage) stderr.write('\r\x1b[2K');
    stage = null;
  };

  return {
    update(message: string) {
      if (options.quiet) return;
      const now = clock.now();
      if (!interactive) {
        const since = stage ? ` (+${formatElapsed(now - stage.since)})` : '';
        stderr.write(`sift: ${message}${since}\n`);
      }
      stage = { message, since: now };
      if (!interactive) return;
      draw();
      // Restarted with each stage, so the time shown moves in whole seconds of that stage.
      stopTicker?.();
      stopTicker = clock.every(TICK_MS, draw);
    },
    /** A line that must stay on screen (a warning); the progress line is redrawn beneath it. */
    log(line: string) {
      if (!interactive) {
        stderr.write(`${line}\n`);
        return;
      }
      stderr.write(`\r\x1b[2K${line}\n`);
      draw();
    },
    done() {
      if (!interactive && stage) {
        const now = clock.now();
        stderr.write(
          `sift: finished in ${formatElapsed(now - started)} (+${formatElapsed(now - stage.since)})\n`,
        );
      }
      stop();
    },
    stop,
  };
}

/** `4.2s` under ten seconds, `42s` under a minute, `3m 05s` beyond. */
function formatElapsed(ms: number): string {
  if (ms < 9_950) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}
