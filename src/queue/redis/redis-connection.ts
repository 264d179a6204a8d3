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
