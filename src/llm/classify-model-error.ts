import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import {
  ModelConfigurationError,
  ModelError,
  ModelRateLimitedError,
  ModelRequestRejectedError,
  ModelTimeoutError,
  ModelUnavailableError,
} from '../errors.js';

/**
 * Maps an OpenAI SDK failure to Sift's model errors. Returns null for an abort, which is not a
 * failure of the model but a decision of Sift's (a newer push superseded the review). A model error
 * raised inside the request (an answer over the size cap, while the SDK read the body) is kept.
 */
export function classifyModelError(error: unknown): ModelError | null {
  if (error instanceof APIUserAbortError) return null;
  if (error instanceof ModelError) return error;
  if (error instanceof APIConnectionTimeoutError) return new ModelTimeoutError(error.message);
  if (!(error instanceof APIError)) {
    return new ModelUnavailableError(error instanceof Error ? error.message : String(error));
  }
  const status = error.status;
  if (status === undefined) return new ModelUnavailableError(error.message);
  if (status === 429) return new ModelRateLimitedError(error.message, retryAfterMs(error.headers));
  if (status === 408) return new ModelTimeoutError(error.message);
  if (status === 401 || status === 403 || status === 404) return new ModelConfigurationError(error.message);
  if (status >= 500) return new ModelUnavailableError(error.message);
  return new ModelRequestRejectedError(error.message);
}

/** `retry-after-ms` (OpenAI, Azure) or `retry-after` in seconds or as an HTTP date. */
function retryAfterMs(headers: Headers | undefined): number | null {
  const milliseconds = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(milliseconds) && milliseconds > 0) return milliseconds;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
