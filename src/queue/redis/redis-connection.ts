import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';

/**
 * A connection as BullMQ needs it: commands wait through a reconnect instead of failing after a
 * few retries (`maxRetriesPerRequest: null`), so a Redis restart pauses Sift rather than losing
 * work. Connection errors are logged once per outage, not once per retry.
 */
export function connectRedis(url: string, log: Logger, purpose: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: error, purpose }, 'Redis does not answer; retrying');
  });
  redis.on('ready', () => {
    if (down) log.info({ purpose }, 'Redis answers again');
    down = false;
  });
  return redis;
}

/** Closes a connection politely when Redis answers, at once when it does not (a shutdown must not hang on it). */
export async function closeRedis(redis: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 2_000);
  });
  const quit = redis.quit().then(
    () => 'quit' as const,
    () => 'failed' as const,
  );
  const outcome = await Promise.race([quit, timedOut]);
  clearTimeout(timer);
  if (outcome !== 'quit') redis.disconnect();
}

/** Redis URLs carry passwords: what logs may show of one. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unparseable Redis URL';
  }
}
