import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeService {
  readonly build?: unknown;
  readonly image?: string;
  readonly command?: string | readonly string[];
  readonly environment?: Record<string, string> | readonly string[];
  readonly env_file?: string | readonly string[];
  readonly ports?: readonly unknown[];
  readonly volumes?: readonly string[];
  readonly healthcheck?: { readonly test?: string | readonly string[] };
  readonly stop_grace_period?: string;
  readonly depends_on?: Record<string, { readonly condition?: string }>;
}

interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly volumes?: Record<string, unknown>;
}

// `merge`: the file shares the Sift services' settings through `<<:` merge keys, as Compose reads them.
const compose = parse(readFileSync(join(import.meta.dirname, '../../docker-compose.yml'), 'utf8'), {
  merge: true,
}) as ComposeFile;

// A worker given SIGTERM lets running jobs finish for this long before handing them back
// (the Redis queue's close timeout).
const WORKER_DRAIN_SECONDS = 25;

const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

/** Compose takes `environment` as a map or as a list of `NAME=value`. */
const environmentOf = (entry: ComposeService): Record<string, string> =>
  Array.isArray(entry.environment)
    ? Object.fromEntries(
        entry.environment.map((line: string) => [
          line.slice(0, line.indexOf('=')),
          line.slice(line.indexOf('=') + 1),
        ]),
      )
    : { ...(entry.environment as Record<string, string> | undefined) };

const commandOf = (entry: ComposeService): string =>
  Array.isArray(entry.command) ? entry.command.join(' ') : String(entry.command ?? '');

/** `40s`, `1m30s`, `500ms` → seconds. */
const seconds = (duration: string): number => {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
    total += Number(amount) * (units[unit ?? 's'] ?? 0);
  return total;
};

/** The services that run Sift: built from the repository's Dockerfile. */
const siftServices = Object.entries(compose.services).filter(([, entry]) => entry.build !== undefined);
const workers = siftServices.filter(([, entry]) => environmentOf(entry).SIFT_ROLE === 'worker');

describe('docker-compose.yml', () => {
  describe('redis', () => {
    it('runs with an append-only file fsynced every second, on a named volume', () => {
      const redis = service('redis');
      const command = commandOf(redis);
      expect(command).toMatch(/--appendonly yes\b/);
      expect(command).toMatch(/--appendfsync everysec\b/);
      const data = redis.volumes?.find((volume) => volume.endsWith(':/data'));
      expect(data?.split(':')[0]).toBeOneOf(Object.keys(compose.volumes ?? {}));
    });
  });

  describe('web', () => {
    const web = service('web');

    it('only takes webhooks, and enqueues them in the redis service', () => {
      const environment = environmentOf(web);
      expect(environment.SIFT_ROLE).toBe('web');
      expect(new URL(environment.REDIS_URL ?? '').hostname).toBe('redis');
      expect(web.depends_on?.redis?.condition).toBe('service_healthy');
    });

    it('publishes port 3000 for GitHub', () => {
      expect(web.ports).toContain('3000:3000');
    });

    it('keeps its journal of accepted webhooks on a named volume', () => {
      const data = web.volumes?.find((volume) => volume.endsWith(':/data'));
      expect(data?.split(':')[0]).toBeOneOf(Object.keys(compose.volumes ?? {}));
      expect(environmentOf(web).SIFT_DATA_DIR ?? '/data').toBe('/data');
    });
  });

  describe('workers', () => {
    it('two run `sift worker` against the redis service', () => {
      expect(workers.map(([name]) => name)).toEqual(['worker-1', 'worker-2']);
      for (const [, worker] of workers) {
        expect(commandOf(worker)).toBe('node dist/cli/main.js worker');
        expect(new URL(environmentOf(worker).REDIS_URL ?? '').hostname).toBe('redis');
      }
    });

    it('publish no port (they answer webhooks with 503)', () => {
      for (const [, worker] of workers) expect(worker.ports ?? []).toEqual([]);
    });

    it(`are given more than the ${WORKER_DRAIN_SECONDS} s their running reviews get to finish on SIGTERM`, () => {
      for (const [, worker] of workers)
        expect(seconds(worker.stop_grace_period ?? '10s')).toBeGreaterThan(WORKER_DRAIN_SECONDS);
    });
  });

  describe('every Sift service', () => {
    it.each(siftServices)(
      '%s reads the app credentials from .env and has a /readyz health check',
      (_, entry) => {
        expect([entry.env_file].flat()).toContain('.env');
        const probe = [entry.healthcheck?.test ?? []].flat().join(' ');
        expect(probe).toMatch(/\/readyz\b/);
        expect(probe).toMatch(/process\.env\.PORT/);
      },
    );
  });
});
