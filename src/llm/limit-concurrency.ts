import { createConcurrencyLimit } from '../concurrency-limit.js';
import type { ModelClient } from './model-client.js';

/**
 * A model client that lets at most `limit` calls be in flight at once; the rest wait their turn
 * (and stop waiting if their signal aborts). Review passes run concurrently, and several reviews
 * may run at once: this is what keeps their sum under the provider's rate limits.
 */
export function limitConcurrency(model: ModelClient, limit: number): ModelClient {
  const pool = createConcurrencyLimit(limit);
  return { complete: (request) => pool.run(() => model.complete(request), request.signal) };
}
