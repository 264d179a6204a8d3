import { describe, expect, it } from 'vitest';
import {
  ModelConfigurationError,
  ModelOutputInvalidError,
  ModelRateLimitedError,
  ModelRefusalError,
  ModelRequestRejectedError,
  ModelTimeoutError,
  ModelUnavailableError,
} from '../../src/errors.js';
import { type RetryOptions, retryModelCall } from '../../src/llm/retry-model-call.js';

/** A call that fails with each error in turn, then answers 'ok'; it records the attempt numbers it saw. */
function scriptedCall(...failures: Error[]) {
  const attempts: number[] = [];
  const call = async (attempt: number) => {
    attempts.push(attempt);
    const failure = failures[attempt - 1];
    if (failure) throw failure;
    return 'ok';
  };
  return { call, attempts };
}

function options(overrides: Partial<RetryOptions> = {}) {
  const delays: number[] = [];
  const retries: Array<[string, number, number]> = [];
  return {
    delays,
    retries,
    options: {
      maxAttempts: 5,
      sleep: async (ms: number) => {
        delays.push(ms);
      },
      random: () => 1,
      onRetry: (error, attempt, delayMs) => retries.push([error.name, attempt, delayMs]),
      ...overrides,
    } satisfies RetryOptions,
  };
}

const unavailable = () => new ModelUnavailableError('503 Service Unavailable');

describe('retryModelCall', () => {
  it('a call that succeeds › its value, no waiting', async () => {
    const { call, attempts } = scriptedCall();
    const { options: retry, delays } = options();
    await expect(retryModelCall(call, retry)).resolves.toBe('ok');
    expect(attempts).toEqual([1]);
    expect(delays).toEqual([]);
  });

  describe('backoff', () => {
    it('doubles from the base delay on each retry', async () => {
      const { call, attempts } = scriptedCall(unavailable(), unavailable(), unavailable(), unavailable());
      const { options: retry, delays } = options({ baseDelayMs: 500 });
      await expect(retryModelCall(call, retry)).resolves.toBe('ok');
      expect(attempts).toEqual([1, 2, 3, 4, 5]);
      expect(delays).toEqual([500, 1_000, 2_000, 4_000]);
    });

    it.each([
      [0, [0, 0, 0]],
      [0.5, [500, 1_000, 2_000]],
      [0.25, [250, 500, 1_000]],
    ])('random() = %d › full jitter scales every wait', async (random, expected) => {
      const { call } = scriptedCall(unavailable(), unavailable(), unavailable());
      const { options: retry, delays } = options({ random: () => random });
      await retryModelCall(call, retry);
      expect(delays).toEqual(expected);
    });

    it('stops doubling at maxDelayMs', async () => {
      const { call } = scriptedCall(unavailable(), unavailable(), unavailable(), unavailable());
      const { options: retry, delays } = options({ baseDelayMs: 1_000, maxDelayMs: 3_000 });
      await retryModelCall(call, retry);
      expect(delays).toEqual([1_000, 2_000, 3_000, 3_000]);
    });

    it('defaults to 1 s, doubling', async () => {
      const { call } = scriptedCall(unavailable(), unavailable());
      const { options: retry, delays } = options();
      await retryModelCall(call, retry);
      expect(delays).toEqual([1_000, 2_000]);
    });

    it('rounds jittered waits to whole milliseconds', async () => {
      const { call } = scriptedCall(unavailable());
      const { options: retry, delays } = options({ random: () => 0.3333 });
      await retryModelCall(call, retry);
      expect(delays).toEqual([333]);
    });
  });

  describe('retry-after', () => {
    it('is honoured instead of the backoff, without jitter', async () => {
      const { call } = scriptedCall(new ModelRateLimitedError('429', 7_000), unavailable());
      const { options: retry, delays } = options({ random: () => 0.5 });
      await retryModelCall(call, retry);
      expect(delays).toEqual([7_000, 1_000]);
    });

    it('of zero › retried at once', async () => {
      const { call } = scriptedCall(new ModelRateLimitedError('429', 0));
      const { options: retry, delays } = options();
      await expect(retryModelCall(call, retry)).resolves.toBe('ok');
      expect(delays).toEqual([0]);
    });

    it('absent on a 429 › the usual backoff', async () => {
      const { call } = scriptedCall(new ModelRateLimitedError('429', null));
      const { options: retry, delays } = options();
      await retryModelCall(call, retry);
      expect(delays).toEqual([1_000]);
    });

    it('beyond maxDelayMs › fails fast with the rate limit error, without waiting', async () => {
      const limited = new ModelRateLimitedError('429 quota exceeded', 120_000);
      const { call, attempts } = scriptedCall(limited);
      const { options: retry, delays } = options({ maxDelayMs: 60_000 });
      await expect(retryModelCall(call, retry)).rejects.toBe(limited);
      expect(attempts).toEqual([1]);
      expect(delays).toEqual([]);
    });

    it('exactly maxDelayMs › still waited for', async () => {
      const { call } = scriptedCall(new ModelRateLimitedError('429', 60_000));
      const { options: retry, delays } = options({ maxDelayMs: 60_000 });
      await expect(retryModelCall(call, retry)).resolves.toBe('ok');
      expect(delays).toEqual([60_000]);
    });
  });

  describe('errors that retrying cannot fix', () => {
    it.each([
      ['ModelConfigurationError', new ModelConfigurationError('401')],
      ['ModelRequestRejectedError', new ModelRequestRejectedError('400 context too long')],
      ['ModelRefusalError', new ModelRefusalError('refused')],
      ['a programming error', new TypeError("Cannot read properties of undefined (reading 'choices')")],
    ])('%s › thrown at once', async (_, error) => {
      const { call, attempts } = scriptedCall(error);
      const { options: retry, delays, retries } = options();
      await expect(retryModelCall(call, retry)).rejects.toBe(error);
      expect(attempts).toEqual([1]);
      expect(delays).toEqual([]);
      expect(retries).toEqual([]);
    });
  });

  describe('running out of attempts', () => {
    it('throws the last error after maxAttempts calls', async () => {
      const last = new ModelOutputInvalidError('not JSON, again');
      const { call, attempts } = scriptedCall(new ModelTimeoutError('timed out'), unavailable(), last);
      const { options: retry, delays } = options({ maxAttempts: 3 });
      await expect(retryModelCall(call, retry)).rejects.toBe(last);
      expect(attempts).toEqual([1, 2, 3]);
      expect(delays).toHaveLength(2);
    });

    it('maxAttempts 1 › never retries', async () => {
      const error = unavailable();
      const { call, attempts } = scriptedCall(error);
      const { options: retry } = options({ maxAttempts: 1 });
      await expect(retryModelCall(call, retry)).rejects.toBe(error);
      expect(attempts).toEqual([1]);
    });
  });

  it('reports each retry with the error, the attempt that failed and the wait', async () => {
    const { call } = scriptedCall(
      new ModelTimeoutError('timed out'),
      new ModelRateLimitedError('429', 1_500),
    );
    const { options: retry, retries } = options();
    await retryModelCall(call, retry);
    expect(retries).toEqual([
      ['ModelTimeoutError', 1, 1_000],
      ['ModelRateLimitedError', 2, 1_500],
    ]);
  });

  it('passes its signal to sleep, so an abort ends the wait', async () => {
    const controller = new AbortController();
    const signals: Array<AbortSignal | undefined> = [];
    const { call } = scriptedCall(unavailable());
    const { options: retry } = options({
      signal: controller.signal,
      sleep: async (_ms, signal) => {
        signals.push(signal);
      },
    });
    await retryModelCall(call, retry);
    expect(signals).toEqual([controller.signal]);
  });

  it('a sleep that rejects (aborted) › rejects with that, without another attempt', async () => {
    const aborted = new Error('superseded');
    const { call, attempts } = scriptedCall(unavailable());
    const { options: retry } = options({ sleep: () => Promise.reject(aborted) });
    await expect(retryModelCall(call, retry)).rejects.toBe(aborted);
    expect(attempts).toEqual([1]);
  });
});
