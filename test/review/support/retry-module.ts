/**
 * An HTTP retry helper as a service repository would have it, and a pull request that changes it
 * in two places far enough apart for git to make two hunks: the back-off in `backoffDelay`, and
 * `Retry-After` handling in `fetchWithRetry`.
 */

export const RETRY_BASE = `import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  signal?: AbortSignal;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryable(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

export function backoffDelay(attempt: number, options: RetryOptions): number {
  const exponential = options.minDelayMs * 2 ** attempt;
  return Math.min(options.maxDelayMs, exponential);
}

export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  options: RetryOptions,
): Promise<Response> {
  let attempt = 0;
  for (;;) {
    const response = await fetch(url, { ...init, signal: options.signal });
    if (!isRetryable(response.status) || attempt >= options.retries) return response;
    await sleep(backoffDelay(attempt, options), undefined, { signal: options.signal });
    attempt += 1;
  }
}
`;

/** The pull request as Sift reviewed it: jitter in the back-off, and `Retry-After` honoured. */
export const RETRY_REVIEWED = RETRY_BASE.replace(
  '  return Math.min(options.maxDelayMs, exponential);',
  '  const jitter = Math.random() * options.minDelayMs;\n  return Math.min(options.maxDelayMs, exponential + jitter);',
).replace(
  '    await sleep(backoffDelay(attempt, options), undefined, { signal: options.signal });',
  [
    "    const retryAfter = Number(response.headers.get('retry-after'));",
    '    const delay = retryAfter > 0 ? retryAfter * 1000 : backoffDelay(attempt, options);',
    "    console.warn('retrying', { url, delay, status: response.status });",
    '    await sleep(delay, undefined, { signal: options.signal });',
  ].join('\n'),
);

/** A second file of the same pull request, in another folder. */
export const CLIENT_BASE = `import { fetchWithRetry } from './fetch-with-retry.js';

export async function getInvoice(id: string): Promise<unknown> {
  const response = await fetchWithRetry(\`/api/invoices/\${id}\`, {}, { retries: 2, minDelayMs: 100, maxDelayMs: 2000 });
  return response.json();
}
`;

export const CLIENT_REVIEWED = CLIENT_BASE.replace('retries: 2', 'retries: 3');
