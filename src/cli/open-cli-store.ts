import { pino } from 'pino';
import type { ServerEnv } from '../config/load-server-env.js';
import { closeRedis, connectRedis } from '../queue/redis/redis-connection.js';
import { openRedisStore } from '../store/redis-store.js';
import type { SiftStore } from '../store/sift-store.js';
import { openSqliteStore } from '../store/sqlite-store.js';

/** The store the server uses (Redis when REDIS_URL is set, else the embedded database), for a CLI command. */
export function openCliStore(settings: Extract<ServerEnv, { mode: 'app' }>): {
  readonly value: SiftStore;
  close(): Promise<void>;
} {
  if (settings.scale.redisUrl !== undefined) {
    const redis = connectRedis(
      settings.scale.redisUrl,
      // A command run by hand says on standard error when Redis does not answer (it keeps retrying).
      pino({ level: 'warn' }, pino.destination(2)),
      'installation settings',
    );
    return { value: openRedisStore(redis), close: () => closeRedis(redis) };
  }
  const store = openSqliteStore(settings.dataDir);
  return { value: store, close: async () => store.close() };
}
