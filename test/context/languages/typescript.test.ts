import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// A Redis-backed rate limiter: renamed, type-only, default and namespace imports, exported
// constants, an interface, a type, an enum, a class with a private field, and arrow functions.
const rateLimiter = `import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import pino from 'pino';
import * as metrics from './metrics.js';

export const DEFAULT_WINDOW_MS = 60_000;

export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs?: number;
}

export type Decision = { allowed: true } | { allowed: false; retryAfterMs: number };

export enum Scope {
  User = 'user',
  Installation = 'installation',
}

const log = pino({ name: 'rate-limiter' });

export class RateLimiter {
  readonly #redis: Redis;

  constructor(redis: Redis, private readonly options: RateLimitOptions) {
    this.#redis = redis;
  }

  async check(scope: Scope, key: string): Promise<Decision> {
    const windowMs = this.options.windowMs ?? DEFAULT_WINDOW_MS;
    const count = await this.#redis.incr(\`\${scope}:\${key}\`);
    if (count === 1) await this.#redis.pexpire(\`\${scope}:\${key}\`, windowMs);
    metrics.increment('rate_limit.check', { scope });
    if (count <= this.options.limit) return { allowed: true };
    log.warn({ scope, key, count }, 'rate limit exceeded');
    return { allowed: false, retryAfterMs: windowMs };
  }
}

export async function waitForSlot(limiter: RateLimiter, scope: Scope, key: string): Promise<void> {
  for (;;) {
    const decision = await limiter.check(scope, key);
    if (decision.allowed) return;
    await sleep(decision.retryAfterMs);
  }
}

export const retryAfterSeconds = (decision: Decision): number =>
  decision.allowed ? 0 : Math.ceil(decision.retryAfterMs / 1000);
`;

describe('typescript', () => {
  describe('a rate limiter module', () => {
    it('defines exported and module-level names, the class and its methods', async () => {
      const summary = await summarizeFile(rateLimiter, 'typescript');
      expect(definitionRows(summary)).toEqual([
        'constant DEFAULT_WINDOW_MS 6-6',
        'interface RateLimitOptions 8-11',
        'type Decision 13-13',
        'enum Scope 15-18',
        'constant log 20-20',
        'class RateLimiter 22-38',
        'method constructor 25-27',
        'method check 29-37',
        'function waitForSlot 40-46',
        'function retryAfterSeconds 48-49',
      ]);
      expect(summary.hasErrors).toBe(false);
    });

    it('reports plain and member calls by name', async () => {
      const calls = (await summarizeFile(rateLimiter, 'typescript', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'pino:20',
        'incr:31',
        'pexpire:32',
        'increment:33',
        'warn:35',
        'check:42',
        'sleep:44',
        'ceil:49',
      ]);
    });

    it('reports named, renamed, default and namespace imports with their bindings', async () => {
      const summary = await summarizeFile(rateLimiter, 'typescript');
      expect(summary.imports).toEqual([
        {
          source: 'node:timers/promises',
          line: 1,
          bindings: [{ name: 'setTimeout', alias: 'sleep' }],
          reexport: false,
        },
        { source: 'ioredis', line: 2, bindings: [{ name: 'Redis', alias: null }], reexport: false },
        { source: 'pino', line: 3, bindings: [{ name: 'default', alias: 'pino' }], reexport: false },
        { source: './metrics.js', line: 4, bindings: [{ name: '*', alias: 'metrics' }], reexport: false },
      ]);
    });
  });
});
