import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ModelAnswerTooLargeError,
  ModelConfigurationError,
  ModelRateLimitedError,
  ModelRequestRejectedError,
  ModelTimeoutError,
  ModelUnavailableError,
} from '../../src/errors.js';
import { classifyModelError } from '../../src/llm/classify-model-error.js';

/** An SDK error as `APIError.generate` builds it from an HTTP response. */
function httpError(status: number, headers: Record<string, string> = {}): APIError {
  return APIError.generate(
    status,
    { error: { message: `upstream said ${status}`, type: 'error' } },
    undefined,
    new Headers(headers),
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('classifyModelError', () => {
  it.each([
    { status: 400, expected: ModelRequestRejectedError },
    { status: 401, expected: ModelConfigurationError },
    { status: 403, expected: ModelConfigurationError },
    { status: 404, expected: ModelConfigurationError },
    { status: 408, expected: ModelTimeoutError },
    { status: 409, expected: ModelRequestRejectedError },
    { status: 413, expected: ModelRequestRejectedError },
    { status: 422, expected: ModelRequestRejectedError },
    { status: 429, expected: ModelRateLimitedError },
    { status: 500, expected: ModelUnavailableError },
    { status: 502, expected: ModelUnavailableError },
    { status: 503, expected: ModelUnavailableError },
    { status: 504, expected: ModelUnavailableError },
  ])('HTTP $status › $expected.name', ({ status, expected }) => {
    const classified = classifyModelError(httpError(status));
    expect(classified).toBeInstanceOf(expected);
    expect(classified?.message).toContain(`upstream said ${status}`);
  });

  it.each([
    ['ModelConfigurationError', 401, false],
    ['ModelRequestRejectedError', 400, false],
    ['ModelTimeoutError', 408, true],
    ['ModelRateLimitedError', 429, true],
    ['ModelUnavailableError', 503, true],
  ])('%s (HTTP %i) › retryable: %s', (_, status, retryable) => {
    expect(classifyModelError(httpError(status))?.retryable).toBe(retryable);
  });

  it('the SDK’s timeout › ModelTimeoutError', () => {
    expect(classifyModelError(new APIConnectionTimeoutError())).toBeInstanceOf(ModelTimeoutError);
  });

  it('a connection failure (no status) › ModelUnavailableError', () => {
    const error = new APIConnectionError({ message: 'Connection error.', cause: new Error('ECONNREFUSED') });
    expect(classifyModelError(error)).toBeInstanceOf(ModelUnavailableError);
  });

  it.each([
    ['an Error', new TypeError('fetch failed'), 'fetch failed'],
    ['a string', 'socket hang up', 'socket hang up'],
  ])('%s that is not from the SDK › ModelUnavailableError with its message', (_, error, message) => {
    const classified = classifyModelError(error);
    expect(classified).toBeInstanceOf(ModelUnavailableError);
    expect(classified?.message).toBe(message);
  });

  it('a Sift model error raised inside the request (an answer over the size cap) › kept as it is', () => {
    const tooLarge = new ModelAnswerTooLargeError("[sift] the model's answer exceeded 8 MiB");
    expect(classifyModelError(tooLarge)).toBe(tooLarge);
  });

  it('an abort › null: Sift decided to stop, the model did not fail', () => {
    expect(classifyModelError(new APIUserAbortError())).toBeNull();
  });

  it('keeps the SDK’s subclasses apart from their statuses', () => {
    const auth = new AuthenticationError(401, undefined, 'bad key', new Headers());
    const server = new InternalServerError(500, undefined, 'boom', new Headers());
    expect(classifyModelError(auth)).toBeInstanceOf(ModelConfigurationError);
    expect(classifyModelError(server)).toBeInstanceOf(ModelUnavailableError);
  });

  describe('the wait a 429 asks for', () => {
    const retryAfter = (headers: Record<string, string>) =>
      (classifyModelError(httpError(429, headers)) as ModelRateLimitedError).retryAfterMs;

    it.each([
      ['retry-after in seconds', { 'retry-after': '1' }, 1_000],
      ['retry-after with a fraction', { 'retry-after': '0.5' }, 500],
      ['retry-after of zero', { 'retry-after': '0' }, 0],
      ['retry-after-ms (OpenAI, Azure)', { 'retry-after-ms': '750' }, 750],
      ['retry-after-ms over retry-after', { 'retry-after-ms': '750', 'retry-after': '20' }, 750],
      [
        'retry-after-ms of zero, falling back to retry-after',
        { 'retry-after-ms': '0', 'retry-after': '2' },
        2_000,
      ],
      ['no header', {}, null],
      ['a header that is neither seconds nor a date', { 'retry-after': 'soon' }, null],
    ])('%s › %o ms', (_, headers, expected) => {
      expect(retryAfter(headers)).toBe(expected);
    });

    it('retry-after as an HTTP date › the time until then', () => {
      vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00Z') });
      expect(retryAfter({ 'retry-after': 'Sun, 01 Jun 2025 12:00:30 GMT' })).toBe(30_000);
    });

    it('retry-after as a date already past › zero', () => {
      vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00Z') });
      expect(retryAfter({ 'retry-after': 'Sun, 01 Jun 2025 11:59:00 GMT' })).toBe(0);
    });

    it('from the SDK’s RateLimitError › read the same way', () => {
      const error = new RateLimitError(429, undefined, 'slow down', new Headers({ 'retry-after': '3' }));
      expect((classifyModelError(error) as ModelRateLimitedError).retryAfterMs).toBe(3_000);
    });
  });
});
