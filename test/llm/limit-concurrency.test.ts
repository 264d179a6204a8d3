import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { limitConcurrency } from '../../src/llm/limit-concurrency.js';
import type { ModelClient, ModelRequest } from '../../src/llm/model-client.js';
import { NO_USAGE } from '../../src/llm/usage.js';

/** A model whose calls stay in flight until the test finishes them, one at a time, in order. */
function heldModel() {
  const inFlight: Array<() => void> = [];
  let started = 0;
  const model: ModelClient = {
    complete: async <T>() => {
      started += 1;
      await new Promise<void>((resolve) => inFlight.push(resolve));
      return { value: {} as T, model: 'held', usage: NO_USAGE };
    },
  };
  return {
    model,
    started: () => started,
    finishOne: async () => {
      inFlight.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const request = (signal?: AbortSignal): ModelRequest<unknown> => ({
  role: 'reviewer',
  messages: [],
  schema: z.unknown(),
  schemaName: 'anything',
  signal,
});

describe('limitConcurrency', () => {
  it('limit 2 and 5 calls › two in flight, the others start as those finish', async () => {
    const held = heldModel();
    const limited = limitConcurrency(held.model, 2);
    const calls = Array.from({ length: 5 }, () => limited.complete(request()));
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.started()).toBe(2);
    await held.finishOne();
    expect(held.started()).toBe(3);
    for (let i = 0; i < 4; i += 1) await held.finishOne();
    await Promise.all(calls);
    expect(held.started()).toBe(5);
  });

  it('a waiting call whose signal aborts › rejects with the reason, never starts, and unhooks', async () => {
    const held = heldModel();
    const limited = limitConcurrency(held.model, 1);
    const controller = new AbortController();
    const first = limited.complete(request());
    const waiting = limited.complete(request(controller.signal));
    const reason = new Error('superseded');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await held.finishOne();
    await first;
    expect(held.started()).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('calls that waited their turn on one signal › no listener left on it once they ran', async () => {
    const held = heldModel();
    const limited = limitConcurrency(held.model, 1);
    const controller = new AbortController();
    const calls = Array.from({ length: 5 }, () => limited.complete(request(controller.signal)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(4);
    for (let i = 0; i < 5; i += 1) await held.finishOne();
    await Promise.all(calls);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
