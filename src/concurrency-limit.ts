/** At most `limit` tasks at once; the rest wait their turn, in order. */
export interface ConcurrencyLimit {
  /**
   * Runs `task` when fewer than the limit run. A task still waiting when `signal` aborts leaves
   * the line at once and rejects with the signal's reason; a running one is the task's to stop.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** The one concurrency pool of Sift: model calls, snapshot downloads and eval cases all use it. */
export function createConcurrencyLimit(limit: number): ConcurrencyLimit {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };
  const turn = (signal: AbortSignal | undefined) =>
    new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', cancel);
        resolve();
      };
      const cancel = () => {
        const index = waiting.indexOf(start);
        if (index >= 0) waiting.splice(index, 1);
        reject(signal?.reason);
      };
      waiting.push(start);
      signal?.addEventListener('abort', cancel, { once: true });
    });
  return {
    async run(task, signal) {
      signal?.throwIfAborted();
      if (active >= limit) await turn(signal);
      active += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/**
 * Runs `action` on every item, at most `limit` at once. After one fails the others take no more
 * work, and the first failure is thrown once the running ones are done.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  action: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const pool = createConcurrencyLimit(Math.max(1, limit));
  let failure: { error: unknown } | null = null;
  await Promise.all(
    items.map((item, index) =>
      pool.run(async () => {
        if (failure) return;
        try {
          await action(item, index);
        } catch (error) {
          failure ??= { error };
        }
      }),
    ),
  );
  if (failure) throw (failure as { error: unknown }).error;
}
