import { chmodSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobCache } from '../../src/repository/blob-cache.js';
import { gitBlobId } from '../../src/repository/git-blob-id.js';
import { makeTempDir } from '../support/temp-dir.js';

const INVENTORY = { owner: 'acme', repo: 'inventory' };
const COMMIT = 'c0ffee0000000000000000000000000000000001';

let directory: string;

beforeEach(() => {
  directory = makeTempDir('sift-blob-cache-');
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** A blob of exactly `size` bytes whose id is its git blob id. */
function blob(label: string, size = 100): { id: string; bytes: Buffer } {
  const bytes = Buffer.from(label.padEnd(size, '.'));
  return { id: gitBlobId(bytes), bytes };
}

/** Every file under the cache directory, relative to it. */
function filesOnDisk(): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();
}

function bytesOnDisk(): number {
  return filesOnDisk().reduce((sum, path) => sum + statSync(join(directory, path)).size, 0);
}

/** A clock that ticks one second per reading, so "least recently used" is unambiguous. */
function tickingClock(start = Date.UTC(2025, 0, 1)): () => number {
  let time = start;
  return () => (time += 1000);
}

describe('createBlobCache', () => {
  describe('blobs', () => {
    it('stores raw bytes at blobs/<2 chars>/<38 chars> and reads them back', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      const { id, bytes } = blob('export const a = 1;\n');
      await cache.put(id, bytes);
      expect(await cache.get(id)).toEqual(bytes);
      expect(await cache.has(id)).toBe(true);
      expect(filesOnDisk()).toEqual([join('blobs', id.slice(0, 2), id.slice(2))]);
    });

    it('answers null and false for a blob it does not hold', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      const { id } = blob('never stored');
      expect(await cache.get(id)).toBeNull();
      expect(await cache.has(id)).toBe(false);
    });

    it('writes the same blob twice at once into one file, counted once', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      const { id, bytes } = blob('shared', 300);
      const others = Array.from({ length: 20 }, (_, index) => blob(`other ${index}`, 300));
      await Promise.all([
        cache.put(id, bytes),
        cache.put(id, bytes),
        ...others.map((other) => cache.put(other.id, other.bytes)),
      ]);
      expect(await cache.size()).toBe(21 * 300);
      expect(bytesOnDisk()).toBe(21 * 300);
      expect(filesOnDisk().some((path) => path.endsWith('.tmp'))).toBe(false);
    });

    it('counts what an earlier process left on disk, once, when first used', async () => {
      const first = createBlobCache({ directory, maxBytes: 1 << 20 });
      for (const label of ['a', 'b', 'c']) {
        const { id, bytes } = blob(label, 250);
        await first.put(id, bytes);
      }
      writeFileSync(join(directory, 'blobs', 'half-written.tmp'), 'x'.repeat(999)); // a writer still at work
      const second = createBlobCache({ directory, maxBytes: 1 << 20 });
      expect(await second.size()).toBe(750);
    });
  });

  describe('a blob whose bytes no longer hash to its id', () => {
    it('is a miss, deleted and no longer counted; the next put stores the real bytes', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      const { id, bytes } = blob('export const admin = false;\n', 200);
      await cache.put(id, bytes);
      const path = join(directory, 'blobs', id.slice(0, 2), id.slice(2));
      writeFileSync(path, 'export const admin = true;\n'.padEnd(200, '.'));

      expect(await cache.get(id)).toBeNull();
      expect(existsSync(path)).toBe(false);
      expect(await cache.size()).toBe(0);
      await cache.put(id, bytes);
      expect(await cache.get(id)).toEqual(bytes);
    });
  });

  describe('its folder', () => {
    const modeOf = (path: string) => statSync(path).mode & 0o777;

    it('is created readable by this user only (0700), with every folder below it', async () => {
      const root = join(directory, 'cache');
      const cache = createBlobCache({ directory: root, maxBytes: 1 << 20 });
      const { id, bytes } = blob('private');
      await cache.put(id, bytes);
      await cache.putManifest(INVENTORY, COMMIT, [{ path: 'a.ts', id, size: bytes.length }]);

      expect(modeOf(root)).toBe(0o700);
      expect(modeOf(join(root, 'blobs', id.slice(0, 2)))).toBe(0o700);
      expect(modeOf(join(root, 'commits', 'acme', 'inventory'))).toBe(0o700);
    });

    it('already there and open to others › closed to them (0700) on first use', async () => {
      chmodSync(directory, 0o777);
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      expect(await cache.get(blob('anything').id)).toBeNull();
      expect(modeOf(directory)).toBe(0o700);
    });
  });

  describe('over its size cap', () => {
    it('evicts the least recently used blobs down to 90 % of the cap', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1000, now: tickingClock() });
      const blobs = Array.from({ length: 10 }, (_, index) => blob(`blob ${index}`, 150));
      for (const { id, bytes } of blobs.slice(0, 6)) await cache.put(id, bytes); // 900 bytes
      expect(await cache.get(blobs[0]?.id ?? '')).not.toBeNull(); // blob 0 is now the most recently used
      for (const { id, bytes } of blobs.slice(6)) await cache.put(id, bytes);

      const kept = await Promise.all(blobs.map(async ({ id }) => (await cache.has(id)) && id));
      expect(kept.map((id) => (id ? blobs.findIndex((candidate) => candidate.id === id) : null))).toEqual([
        0,
        null,
        null,
        null,
        null,
        5,
        6,
        7,
        8,
        9,
      ]);
      expect(await cache.size()).toBe(900);
      expect(bytesOnDisk()).toBe(900);
    });

    it('stays under the cap through a burst of concurrent writes', async () => {
      const cache = createBlobCache({ directory, maxBytes: 10_000 });
      const blobs = Array.from({ length: 200 }, (_, index) => blob(`burst ${index}`, 500));
      await Promise.all(blobs.map(({ id, bytes }) => cache.put(id, bytes)));
      expect(await cache.size()).toBeLessThanOrEqual(10_000);
      expect(bytesOnDisk()).toBe(await cache.size());
    });
  });

  describe('commit manifests', () => {
    const files = [
      { path: 'src/index.ts', id: blob('index').id, size: 100 },
      { path: 'README.md', id: blob('readme').id, size: 100 },
    ];

    it('stores the file list at commits/<owner>/<repo>/<commit>.json and reads it back', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      await cache.putManifest(INVENTORY, COMMIT, files);
      expect(await cache.getManifest(INVENTORY, COMMIT)).toEqual(files);
      expect(await cache.getManifest({ owner: 'Acme', repo: 'Inventory' }, COMMIT)).toEqual(files);
      expect(filesOnDisk()).toEqual([join('commits', 'acme', 'inventory', `${COMMIT}.json`)]);
    });

    it('answers null for a commit it has not seen', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      expect(await cache.getManifest(INVENTORY, COMMIT)).toBeNull();
    });

    it('drops a manifest it cannot read, so a good one can take its place', async () => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      await cache.putManifest(INVENTORY, COMMIT, files);
      const path = join(directory, 'commits', 'acme', 'inventory', `${COMMIT}.json`);
      writeFileSync(path, '{"files": [{"path": "a", "id": "../../etc/passwd", "size": 1}]}');
      expect(await cache.getManifest(INVENTORY, COMMIT)).toBeNull();
      expect(existsSync(path)).toBe(false);
      await cache.putManifest(INVENTORY, COMMIT, files);
      expect(await cache.getManifest(INVENTORY, COMMIT)).toEqual(files);
    });
  });

  describe('with a hostile key', () => {
    it.each([
      '../x',
      '../../../../etc/passwd',
      `${'a'.repeat(38)}/x`,
      'A'.repeat(40),
      'a'.repeat(39),
      'a'.repeat(41),
      '',
    ])('refuses blob id %j before it reaches the file system', async (id) => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      await expect(cache.put(id, Buffer.from('x'))).rejects.toThrow('not 40 hex digits');
      await expect(cache.get(id)).rejects.toThrow('not 40 hex digits');
      await expect(cache.has(id)).rejects.toThrow('not 40 hex digits');
      expect(filesOnDisk()).toEqual([]);
    });

    it.each([
      { owner: '..', repo: 'inventory' },
      { owner: 'acme', repo: '..' },
      { owner: 'acme', repo: '.' },
      { owner: 'acme/../..', repo: 'inventory' },
      { owner: 'acme', repo: 'inventory/../../x' },
      { owner: '-acme', repo: 'inventory' },
      { owner: '', repo: 'inventory' },
    ])('refuses repository $owner/$repo', async (repository) => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      await expect(cache.putManifest(repository, COMMIT, [])).rejects.toThrow('not a GitHub repository name');
      await expect(cache.getManifest(repository, COMMIT)).rejects.toThrow('not a GitHub repository name');
      expect(filesOnDisk()).toEqual([]);
    });

    it.each(['main', '../HEAD', `${COMMIT}/../x`])('refuses commit %j', async (commit) => {
      const cache = createBlobCache({ directory, maxBytes: 1 << 20 });
      await expect(cache.putManifest(INVENTORY, commit, [])).rejects.toThrow('not 40 hex digits');
      expect(filesOnDisk()).toEqual([]);
    });
  });
});
