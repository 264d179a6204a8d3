import { setTimeout as wait } from 'node:timers/promises';

/**
 * Waits, and stops waiting as soon as the signal aborts (rejecting with the abort reason, as
 * `signal.throwIfAborted()` would, rather than Node's generic AbortError). Node removes its abort
 * listener when the wait ends, so waits on one long-lived signal leave nothing behind.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await wait(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
}
