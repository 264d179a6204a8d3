import type { ModelClient } from './model-client.js';

/**
 * A model client that lets at most `limit` calls be in flight at once; the rest wait their turn
 * (and stop waiting if their signal aborts). Review passes run concurrently, and several reviews
 * may run at once: this is what keeps their sum under the provider's rate limits.
 */
export function limitConcurrency(model: ModelClient, limit: number): ModelClient {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };
  return {
    async complete(request) {
      if (active >= limit) {
        await new Promise<void>((resolve, reject) => {
          const start = () => {
            request.signal?.removeEventListener('abort', cancel);
            resolve();
          };
          const cancel = () => {
            const index = waiting.indexOf(start);
            if (index >= 0) waiting.splice(index, 1);
            reject(request.signal?.reason);
          };
          waiting.push(start);
          request.signal?.addEventListener('abort', cancel, { once: true });
        });
      }
      active += 1;
      try {
        return await model.complete(request);
      } finally {
        release();
      }
    },
  };
}
