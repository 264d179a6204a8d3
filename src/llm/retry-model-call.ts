import { ModelError, ModelRateLimitedError } from '../errors.js';

export interface RetryOptions {
  readonly maxAttempts: number;
  /** First backoff; each retry doubles it, with full jitter so parallel passes do not retry in step. */
  readonly baseDelayMs?: number;
  /** A provider asking to wait longer than this is treated as down for this review. */
  readonly maxDelayMs?: number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly signal?: AbortSignal | undefined;
  readonly onRetry?: (error: ModelError, attempt: number, delayMs: number) => void;
}

/**
 * Runs a model call until it succeeds, fails with an error that retrying cannot fix, or runs out
 * of attempts. The attempt number is passed in so a call can adapt (a larger output limit after
 * a truncated answer).
 */
export async function retryModelCall<T>(
  call: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { maxAttempts, baseDelayMs = 1_000, maxDelayMs = 60_000, sleep, random = Math.random } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call(attempt);
    } catch (error) {
      if (!(error instanceof ModelError) || !error.retryable || attempt >= maxAttempts) throw error;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * random();
      const asked = error instanceof ModelRateLimitedError ? error.retryAfterMs : null;
      if (asked !== null && asked > maxDelayMs) throw error;
      const delay = Math.round(asked ?? backoff);
      options.onRetry?.(error, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}
