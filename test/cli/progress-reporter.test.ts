import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressReporter, type ProgressClock, SYSTEM_CLOCK } from '../../src/cli/progress-reporter.js';

/** A clock the test moves by hand, and a stream that records what was written. */
function setup(
  stream: { isTTY: boolean; columns?: number },
  options: { noColor?: boolean; quiet?: boolean } = {},
) {
  let now = 0;
  const tickers: Array<{ ms: number; tick: () => void; stopped: boolean }> = [];
  const clock: ProgressClock = {
    now: () => now,
    every(ms, tick) {
      const ticker = { ms, tick, stopped: false };
      tickers.push(ticker);
      return () => {
        ticker.stopped = true;
      };
    },
  };
  const writes: string[] = [];
  const stderr = { ...stream, write: (text: string) => writes.push(text) };
  const progress = createProgressReporter(
    stderr,
    { quiet: options.quiet ?? false, noColor: options.noColor ?? false },
    clock,
  );
  return {
    progress,
    writes,
    tickers,
    /** Moves the clock on and fires the ticker, as a second passing would. */
    advance(ms: number) {
      now += ms;
      for (const ticker of tickers) if (!ticker.stopped) ticker.tick();
    },
  };
}

const CLEAR = '\r\u001b[2K';

describe('createProgressReporter', () => {
  describe('on a terminal', () => {
    it('one line with the stage’s elapsed time, redrawn every second while a model call is pending', () => {
      const { progress, writes, tickers, advance } = setup({ isTTY: true });
      progress.update('reviewing 3 files, 3 skipped');
      advance(1_000);
      advance(64_000);
      progress.update('security pass answered (1 of 4)');
      advance(1_000);

      expect(writes).toEqual([
        `${CLEAR}⠋ reviewing 3 files, 3 skipped · 0.0s`,
        `${CLEAR}⠙ reviewing 3 files, 3 skipped · 1.0s`,
        `${CLEAR}⠹ reviewing 3 files, 3 skipped · 1m 05s`,
        `${CLEAR}⠸ security pass answered (1 of 4) · 0.0s`,
        `${CLEAR}⠼ security pass answered (1 of 4) · 1.0s`,
      ]);
      expect(tickers.map((ticker) => [ticker.ms, ticker.stopped])).toEqual([
        [1_000, true],
        [1_000, false],
      ]);
    });

    it('done › the line is cleared and the ticker stopped', () => {
      const { progress, writes, tickers } = setup({ isTTY: true });
      progress.update('reading the change');
      progress.done();
      expect(writes.at(-1)).toBe(CLEAR);
      expect(tickers.every((ticker) => ticker.stopped)).toBe(true);
    });

    it('stopped after a failure › the line is cleared, the ticker stopped, nothing more said', () => {
      const { progress, writes, tickers } = setup({ isTTY: true });
      progress.update('reviewing 1 file');
      progress.stop();
      progress.stop();
      expect(writes).toEqual([`${CLEAR}⠋ reviewing 1 file · 0.0s`, CLEAR]);
      expect(tickers[0]?.stopped).toBe(true);
    });

    it('a warning while a stage runs › on a line of its own, the progress line redrawn beneath it', () => {
      const { progress, writes } = setup({ isTTY: true });
      progress.update('reading the change');
      progress.log('sift: .github/sift.yml:2: `maxComment` is not a Sift setting; the default applies');
      expect(writes).toEqual([
        `${CLEAR}⠋ reading the change · 0.0s`,
        `${CLEAR}sift: .github/sift.yml:2: \`maxComment\` is not a Sift setting; the default applies\n`,
        `${CLEAR}⠙ reading the change · 0.0s`,
      ]);
    });

    it('a message wider than the terminal › cut to fit, keeping the time, so the line can be redrawn in place', () => {
      const { progress, writes } = setup({ isTTY: true, columns: 30 });
      progress.update('2/40 go__cobra__md-tree-buffered failed: the model did not answer');
      expect(writes[0]).toBe(`${CLEAR}⠋ 2/40 go__cobra__md-… · 0.0s`);
    });
  });

  describe.each([
    ['not on a terminal', { isTTY: false }, {}],
    ['on a terminal with NO_COLOR', { isTTY: true }, { noColor: true }],
  ])('%s', (_, stream, options) => {
    it('plain lines, each with the time since the one before; no ticker', () => {
      const { progress, writes, tickers, advance } = setup(stream, options);
      progress.update('reading the change');
      advance(4_200);
      progress.update('reviewing 3 files, 3 skipped');
      advance(83_000);
      progress.update('verifying 1 finding');
      advance(12_300);
      progress.done();

      expect(writes).toEqual([
        'sift: reading the change\n',
        'sift: reviewing 3 files, 3 skipped (+4.2s)\n',
        'sift: verifying 1 finding (+1m 23s)\n',
        'sift: finished in 1m 40s (+12s)\n',
      ]);
      expect(tickers).toEqual([]);
    });

    it('stopped after a failure › nothing more said', () => {
      const { progress, writes } = setup(stream, options);
      progress.update('reading the change');
      progress.stop();
      expect(writes).toEqual(['sift: reading the change\n']);
    });
  });

  it('--quiet › no progress and no ticker; warnings still, as plain lines', () => {
    const { progress, writes, tickers } = setup({ isTTY: true }, { quiet: true });
    progress.update('reading the change');
    progress.log('sift: case-1 failed: the model at … answered 401');
    progress.done();
    progress.stop();
    expect(writes).toEqual(['sift: case-1 failed: the model at … answered 401\n']);
    expect(tickers).toEqual([]);
  });
});

describe('SYSTEM_CLOCK', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('its ticker is unref’d, so a pending tick never keeps sift running, and stops when told', () => {
    const timer = { unref: vi.fn() };
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval').mockReturnValue(timer as never);
    const clearIntervalSpy = vi.spyOn(globalThis, 'clearInterval').mockImplementation(() => {});

    const stop = SYSTEM_CLOCK.every(1_000, () => {});
    stop();

    expect(setIntervalSpy).toHaveBeenCalledWith(expect.any(Function), 1_000);
    expect(timer.unref).toHaveBeenCalled();
    expect(clearIntervalSpy).toHaveBeenCalledWith(timer);
  });
});
