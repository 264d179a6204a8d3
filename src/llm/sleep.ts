import { setTimeout as wait } from 'node:timers/promises';

/** Waits, and stops waiting as soon as the signal aborts (rejecting with the abort reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return wait(ms, undefined, signal ? { signal } : {});
}
