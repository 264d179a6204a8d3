import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { withChildSignal } from '../../src/llm/with-child-signal.js';
import { collectWarnings } from './collect-warnings.js';

describe('withChildSignal', () => {
  it('the parent aborts during the task › the child aborts, with the parent’s reason', async () => {
    const parent = new AbortController();
    const reason = new Error('superseded');
    const seen = await withChildSignal(parent.signal, async (signal) => {
      parent.abort(reason);
      return signal;
    });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBe(reason);
  });

  it('a parent already aborted › the task starts with an aborted signal', async () => {
    const parent = new AbortController();
    parent.abort();
    await expect(withChildSignal(parent.signal, async (signal) => signal?.aborted)).resolves.toBe(true);
  });

  it('no parent › no signal', async () => {
    await expect(withChildSignal(undefined, async (signal) => signal)).resolves.toBeUndefined();
  });

  it('50 tasks on one signal, some failing › no listener left behind and no MaxListenersExceededWarning', async () => {
    const parent = new AbortController();
    const warnings = collectWarnings();
    for (let i = 0; i < 50; i += 1) {
      await withChildSignal(parent.signal, async (signal) => {
        // What the OpenAI SDK does with the signal of every request: a listener it never removes.
        signal?.addEventListener('abort', () => {}, { once: true });
        if (i % 2 === 0) throw new Error('503');
      }).catch(() => {});
    }
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
    expect(await warnings.stop()).toEqual([]);
  });
});
