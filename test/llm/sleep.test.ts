import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/llm/sleep.js';
import { collectWarnings } from './collect-warnings.js';

describe('sleep', () => {
  it('aborted while waiting › rejects at once with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('superseded');
    const started = Date.now();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('50 waits on one signal › no listener left on it and no MaxListenersExceededWarning', async () => {
    const controller = new AbortController();
    const warnings = collectWarnings();
    for (let i = 0; i < 50; i += 1) await sleep(0, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(await warnings.stop()).toEqual([]);
  });
});
