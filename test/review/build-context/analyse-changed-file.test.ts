import { describe, expect, it } from 'vitest';
import { createSymbolCaches, createSymbolIndex } from '../../../src/context/symbol-index.js';
import { analyseChangedFile } from '../../../src/review/build-context/analyse-changed-file.js';
import { memorySnapshot } from '../../context/memory-snapshot.js';
import { gitDiffOf } from '../../diff/git-diff.js';

/** The facts about `path` when the repository goes from `base` to `head`. */
async function analyse(path: string, base: Record<string, string>, head: Record<string, string | null>) {
  const file = gitDiffOf(base, head).find((changed) => changed.path === path);
  if (!file) throw new Error(`${path} did not change`);
  const headFiles = Object.fromEntries(
    Object.entries({ ...base, ...head }).filter((entry): entry is [string, string] => entry[1] !== null),
  );
  const caches = createSymbolCaches();
  return analyseChangedFile(file, createSymbolIndex(memorySnapshot(headFiles), caches), caches);
}

const changes = (facts: Awaited<ReturnType<typeof analyse>>) =>
  facts.changedSymbols.map(({ name, change }) => `${change} ${name}`);

const LIMITER_TS = [
  "import type { Redis } from 'ioredis';",
  '',
  'export class RateLimiter {',
  '  constructor(',
  '    private readonly redis: Redis,',
  '    private readonly limit: number,',
  '  ) {}',
  '',
  '  async check(key: string): Promise<boolean> {',
  '    return (await this.redis.incr(key)) <= this.limit;',
  '  }',
  '}',
  '',
].join('\n');

const LIMITER_PY = [
  'class RateLimiter:',
  '    def __init__(self, redis, limit):',
  '        self.redis = redis',
  '        self.limit = limit',
  '',
  '    def check(self, key):',
  '        return self.redis.incr(key) <= self.limit',
  '',
].join('\n');

const LIMITER_JAVA = [
  'package com.acme.limits;',
  '',
  'public class RateLimiter {',
  '    private final Jedis redis;',
  '    private final int limit;',
  '',
  '    public RateLimiter(Jedis redis, int limit) {',
  '        this.redis = redis;',
  '        this.limit = limit;',
  '    }',
  '}',
  '',
].join('\n');

describe('analyseChangedFile', () => {
  describe('a constructor whose signature changes is reported as its class, since `new` is how callers use it', () => {
    it.each([
      {
        name: 'TypeScript constructor',
        path: 'src/rate-limiter.ts',
        base: LIMITER_TS,
        head: LIMITER_TS.replace(
          '    private readonly limit: number,\n',
          '    private readonly options: { limit: number; windowMs: number },\n',
        ).replace('this.limit', 'this.options.limit'),
        expected: ['signature-changed RateLimiter', 'body-changed check'],
      },
      {
        name: 'Python __init__',
        path: 'limits/rate_limiter.py',
        base: LIMITER_PY,
        head: LIMITER_PY.replace(
          'def __init__(self, redis, limit):',
          'def __init__(self, redis, limit, window_ms=60_000):',
        ).replace(
          '        self.limit = limit\n',
          '        self.limit = limit\n        self.window_ms = window_ms\n',
        ),
        expected: ['signature-changed RateLimiter'],
      },
      {
        name: 'Java constructor named after its class',
        path: 'src/main/java/com/acme/limits/RateLimiter.java',
        base: LIMITER_JAVA,
        head: LIMITER_JAVA.replace(
          'public RateLimiter(Jedis redis, int limit)',
          'public RateLimiter(JedisPool pool, int limit)',
        ).replace('this.redis = redis;', 'this.redis = pool.getResource();'),
        expected: ['signature-changed RateLimiter'],
      },
    ])('$name', async ({ path, base, head, expected }) => {
      expect(changes(await analyse(path, { [path]: base }, { [path]: head }))).toEqual(expected);
    });
  });

  it('a removed constructor changes how the class is built: signature-changed, not removed', async () => {
    const head = LIMITER_PY.replace(/ {4}def __init__[\s\S]*?\n\n/, '');
    expect(
      changes(
        await analyse(
          'limits/rate_limiter.py',
          { 'limits/rate_limiter.py': LIMITER_PY },
          { 'limits/rate_limiter.py': head },
        ),
      ),
    ).toEqual(['signature-changed RateLimiter']);
  });

  it('a change to the body of a method is reported as the method', async () => {
    const head = LIMITER_TS.replace('<= this.limit', '< this.limit');
    const facts = await analyse(
      'src/rate-limiter.ts',
      { 'src/rate-limiter.ts': LIMITER_TS },
      { 'src/rate-limiter.ts': head },
    );
    expect(changes(facts)).toEqual(['body-changed check']);
    expect(facts.enclosing.map((definition) => definition.name)).toEqual(['check']);
  });

  it('a removed file: every definition it had is removed, its constructor with its class', async () => {
    const facts = await analyse(
      'src/rate-limiter.ts',
      { 'src/rate-limiter.ts': LIMITER_TS, 'src/index.ts': "export * from './rate-limiter.js';\n" },
      { 'src/rate-limiter.ts': null },
    );
    expect(changes(facts)).toEqual(['removed RateLimiter', 'removed check']);
    expect(facts.headText).toBe('');
    // Its names, not the keywords it was written with.
    expect(facts.removed.identifiers).toEqual([
      'Redis',
      'ioredis',
      'RateLimiter',
      'redis',
      'limit',
      'check',
      'incr',
    ]);
  });

  it('an added file: nothing changed that anything could use yet, and all of it is in the diff', async () => {
    const facts = await analyse(
      'src/rate-limiter.ts',
      { 'README.md': '# limits\n' },
      { 'src/rate-limiter.ts': LIMITER_TS },
    );
    expect(facts.changedSymbols).toEqual([]);
    expect(facts.enclosing).toEqual([]);
  });
});
