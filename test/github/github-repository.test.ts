import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import nock from 'nock';
import pino from 'pino';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubRepository } from '../../src/github/github-repository.js';
import { type BlobCache, createBlobCache } from '../../src/repository/blob-cache.js';
import { gitBlobId } from '../../src/repository/git-blob-id.js';
import { MAX_CONTEXT_FILE_BYTES, type RepositorySnapshot } from '../../src/repository/repository-reader.js';
import type { SnapshotLimits } from '../../src/repository/snapshot-limits.js';
import { buildTar, TOP_FOLDER, type TreeEntry, tarArchive, tarEntry } from '../repository/tarball.js';
import { GITHUB_API } from '../support/github-nock.js';
import { makeTempDir } from '../support/temp-dir.js';

const CODELOAD = 'https://codeload.github.com';
const INVENTORY = { owner: 'acme', repo: 'inventory' };
const LONG_PATH = `src/${'deeply-nested-folder/'.repeat(6)}inventory-reconciliation-service.ts`;

/** A commit id, as GitHub would send it. */
function commitId(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

const COMMIT_A = commitId('commit A');
const COMMIT_B = commitId('commit B');

/** Enough small handlers that a cold cache misses more blobs than `maxMissingBlobs` allows. */
const HANDLERS = Object.fromEntries(
  Array.from({ length: 45 }, (_, index) => [
    `src/handlers/handler-${String(index).padStart(2, '0')}.ts`,
    `export function handle${index}(sku: string): number {\n  return sku.length + ${index};\n}\n`,
  ]),
);

const FILES_A: Record<string, TreeEntry> = {
  'README.md': '# Inventory\n\nTracks stock across warehouses.\n',
  'package.json': '{ "name": "inventory", "type": "module" }\n',
  'src/index.ts': "export { reconcile } from './reconcile.js';\n",
  'src/reconcile.ts':
    'export function reconcile(counted: number, expected: number) {\n  return counted - expected;\n}\n',
  'src/empty.ts': '',
  [LONG_PATH]: 'export const deep = true;\n',
  // Hex text compresses about 2:1, so the tarball is long enough to be cut mid-stream.
  'data/seed.sql': `-- ${randomBytes(150_000).toString('hex')}\n`,
  ...HANDLERS,
  'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  'fixtures/corrupt-record.txt': Buffer.from('sku\0\0\u0001\u0002 binary despite its name'),
  'dist/bundle.js': `/* minified */${'x'.repeat(MAX_CONTEXT_FILE_BYTES)}`,
  'docs/link-to-readme': { symlink: '../README.md' },
};

/** Commit B, one push later: two files changed, one added, one deleted. */
const FILES_B: Record<string, TreeEntry> = {
  ...Object.fromEntries(Object.entries(FILES_A).filter(([path]) => path !== 'src/handlers/handler-00.ts')),
  'src/index.ts': "export { reconcile } from './reconcile.js';\nexport { audit } from './audit.js';\n",
  'src/reconcile.ts':
    'export function reconcile(counted: number, expected: number) {\n  return Math.abs(counted - expected);\n}\n',
  'src/audit.ts': 'export function audit() {\n  return [];\n}\n',
};

/** The paths a snapshot must list: text files under the size limit, not links, not binary by name or content. */
function textPaths(files: Record<string, TreeEntry>): string[] {
  const excluded = [
    'assets/logo.png',
    'fixtures/corrupt-record.txt',
    'dist/bundle.js',
    'docs/link-to-readme',
  ];
  return Object.keys(files)
    .filter((path) => !excluded.includes(path))
    .sort();
}

function contentOf(entry: TreeEntry): Buffer {
  return Buffer.from(typeof entry === 'object' && 'symlink' in entry ? entry.symlink : entry);
}

/** The recursive tree GitHub answers for a commit of `files`, with folders, a link and a submodule. */
function treeOf(files: Record<string, TreeEntry>) {
  const entries = new Map<string, { path: string; mode: string; type: string; sha: string; size?: number }>();
  for (const [path, entry] of Object.entries(files)) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      entries.set(folder, { path: folder, mode: '040000', type: 'tree', sha: commitId(`tree ${folder}`) });
    }
    const content = contentOf(entry);
    const mode = typeof entry === 'object' && 'symlink' in entry ? '120000' : '100644';
    entries.set(path, { path, mode, type: 'blob', sha: gitBlobId(content), size: content.length });
  }
  entries.set('vendor/schemas', {
    path: 'vendor/schemas',
    mode: '160000',
    type: 'commit',
    sha: commitId('submodule'),
  });
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Every request GitHub (and codeload, where the tarball redirect lands) received, in order. */
let requests: string[];

function nockTree(commit: string, files: Record<string, TreeEntry>, options: { truncated?: boolean } = {}) {
  const tree = treeOf(files);
  return nock(GITHUB_API)
    .get(`/repos/acme/inventory/git/trees/${commit}`)
    .query({ recursive: '1' })
    .reply(() => {
      requests.push(`tree ${commit.slice(0, 7)}`);
      return [
        200,
        {
          sha: commitId(`root ${commit}`),
          tree: options.truncated ? tree.slice(0, 10) : tree,
          truncated: !!options.truncated,
        },
      ];
    });
}

/** The tarball call: GitHub redirects to codeload, which fetch follows. */
function nockTarball(commit: string, body: Buffer | (() => Readable)) {
  nock(GITHUB_API)
    .get(`/repos/acme/inventory/tarball/${commit}`)
    .reply(() => {
      requests.push(`tarball ${commit.slice(0, 7)}`);
      return [302, '', { location: `${CODELOAD}/acme/inventory/legacy.tar.gz/${commit}` }];
    });
  return nock(CODELOAD)
    .get(`/acme/inventory/legacy.tar.gz/${commit}`)
    .reply(200, () => (Buffer.isBuffer(body) ? body : body()), { 'content-type': 'application/x-gzip' });
}

/** The blob call, answered as GitHub does: base64 wrapped at 60 characters. */
function nockBlob(entry: TreeEntry, options: { content?: Buffer } = {}) {
  const content = contentOf(entry);
  const sha = gitBlobId(content);
  const base64 = (options.content ?? content).toString('base64').replace(/.{60}/g, '$&\n');
  return nock(GITHUB_API)
    .get(`/repos/acme/inventory/git/blobs/${sha}`)
    .reply(() => {
      requests.push(`blob ${sha.slice(0, 7)}`);
      return [200, { sha, size: content.length, content: base64, encoding: 'base64' }];
    });
}

function blobRequests(files: Record<string, TreeEntry>, paths: string[]): string[] {
  return paths.map((path) => `blob ${gitBlobId(contentOf(files[path] ?? '')).slice(0, 7)}`).sort();
}

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));

let directory: string;
let cache: BlobCache;
let logged: Array<{ msg: string; strategy?: string; apiCalls?: number }>;

function createReader(
  options: { cache?: BlobCache; maxMissingBlobs?: number; limits?: Partial<SnapshotLimits> } = {},
) {
  const log = pino({ level: 'debug' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  return createGitHubRepository(new TestOctokit({ auth: { token: 'test' } }), INVENTORY, {
    cache: options.cache ?? cache,
    log,
    ...(options.maxMissingBlobs === undefined ? {} : { maxMissingBlobs: options.maxMissingBlobs }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
}

/** What the snapshot logged about itself: the strategy and the API calls it took. */
function lastSnapshotLog() {
  const entry = logged.filter((line) => line.msg === 'repository snapshot loaded').at(-1);
  return { strategy: entry?.strategy, apiCalls: entry?.apiCalls };
}

async function readAll(snapshot: RepositorySnapshot): Promise<Record<string, string | null>> {
  const texts: Record<string, string | null> = {};
  for (const path of [...snapshot.files.keys()].sort()) texts[path] = await snapshot.read(path);
  return texts;
}

function expectedTexts(files: Record<string, TreeEntry>): Record<string, string> {
  return Object.fromEntries(
    textPaths(files).map((path) => [path, contentOf(files[path] ?? '').toString('utf8')]),
  );
}

let tarballA: Buffer | undefined;

/** Commit A's tarball, written by GNU tar once per run. */
function tarballOfA(): Buffer {
  tarballA ??= buildTar(FILES_A);
  return tarballA;
}

/** The cold start every later scenario builds on: commit A through the tree and the tarball. */
async function snapshotColdA(): Promise<RepositorySnapshot> {
  nockTree(COMMIT_A, FILES_A);
  nockTarball(COMMIT_A, tarballOfA());
  return createReader().snapshot(COMMIT_A);
}

beforeEach(() => {
  directory = makeTempDir('sift-github-repository-');
  cache = createBlobCache({ directory, maxBytes: 64 << 20 });
  requests = [];
  logged = [];
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Resolves once `condition` holds, checking every few milliseconds for up to two seconds. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 2000 && !(await condition()); waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function expectAllInterceptorsUsed() {
  expect(nock.pendingMocks()).toEqual([]);
  expect(nock.isDone()).toBe(true);
}

describe('createGitHubRepository', () => {
  describe('with a cold cache', () => {
    it('lists the tree, then downloads the tarball once (2 API calls)', async () => {
      const snapshot = await snapshotColdA();

      expect(requests).toEqual([`tree ${COMMIT_A.slice(0, 7)}`, `tarball ${COMMIT_A.slice(0, 7)}`]);
      expect(lastSnapshotLog()).toEqual({ strategy: 'tarball', apiCalls: 2 });
      expectAllInterceptorsUsed();
      expect(snapshot.commit).toBe(COMMIT_A);
      expect([...snapshot.files.keys()].sort()).toEqual(textPaths(FILES_A));
      expect(snapshot.files.get(LONG_PATH)).toEqual({
        path: LONG_PATH,
        id: gitBlobId(contentOf(FILES_A[LONG_PATH] ?? '')),
        size: 26,
      });
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_A));
    });

    it('answers null for binary, oversized, linked and unknown paths', async () => {
      const snapshot = await snapshotColdA();
      for (const path of [
        'assets/logo.png',
        'fixtures/corrupt-record.txt',
        'dist/bundle.js',
        'docs/link-to-readme',
        'nope.ts',
      ]) {
        expect(await snapshot.read(path)).toBeNull();
      }
    });
  });

  describe('with the commit already seen', () => {
    it('answers from the cache alone (0 API calls)', async () => {
      await snapshotColdA();
      requests = [];

      // A new cache over the same folder, as after a restart.
      const reader = createReader({ cache: createBlobCache({ directory, maxBytes: 64 << 20 }) });
      const snapshot = await reader.snapshot(COMMIT_A);

      expect(requests).toEqual([]);
      expect(lastSnapshotLog()).toEqual({ strategy: 'cache', apiCalls: 0 });
      expectAllInterceptorsUsed();
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_A));
    });

    it('fetches a blob again when it left the cache after the snapshot (1 API call)', async () => {
      await snapshotColdA();
      const snapshot = await createReader().snapshot(COMMIT_A);
      const readme = gitBlobId(contentOf(FILES_A['README.md'] ?? ''));
      rmSync(join(directory, 'blobs', readme.slice(0, 2), readme.slice(2)));
      requests = [];
      nockBlob(FILES_A['README.md'] ?? '');

      expect(await snapshot.read('README.md')).toBe(FILES_A['README.md']);
      expect(await snapshot.read('README.md')).toBe(FILES_A['README.md']);
      expect(requests).toEqual([`blob ${readme.slice(0, 7)}`]);
      expectAllInterceptorsUsed();
    });
  });

  describe('with a cached blob whose bytes no longer hash to its id', () => {
    it('deletes it and fetches it again (1 API call)', async () => {
      await snapshotColdA();
      const reconcile = FILES_A['src/reconcile.ts'] ?? '';
      const id = gitBlobId(contentOf(reconcile));
      const onDisk = join(directory, 'blobs', id.slice(0, 2), id.slice(2));
      writeFileSync(onDisk, 'export function reconcile() {\n  return 0; // planted\n}\n');
      requests = [];
      nockBlob(reconcile);

      const snapshot = await createReader().snapshot(COMMIT_A);

      expect(await snapshot.read('src/reconcile.ts')).toBe(reconcile);
      expect(requests).toEqual([`blob ${id.slice(0, 7)}`]);
      expect(readFileSync(onDisk, 'utf8')).toBe(reconcile);
      expectAllInterceptorsUsed();
    });
  });

  describe('with a new commit sharing most blobs', () => {
    it('lists the tree and fetches only the missing blobs (1 + 3 API calls)', async () => {
      await snapshotColdA();
      requests = [];
      nockTree(COMMIT_B, FILES_B);
      for (const path of ['src/index.ts', 'src/reconcile.ts', 'src/audit.ts']) nockBlob(FILES_B[path] ?? '');

      const snapshot = await createReader().snapshot(COMMIT_B);

      expect(requests[0]).toBe(`tree ${COMMIT_B.slice(0, 7)}`);
      expect(requests.slice(1).sort()).toEqual(
        blobRequests(FILES_B, ['src/index.ts', 'src/reconcile.ts', 'src/audit.ts']),
      );
      expect(lastSnapshotLog()).toEqual({ strategy: 'blobs', apiCalls: 4 });
      expectAllInterceptorsUsed();
      expect([...snapshot.files.keys()].sort()).toEqual(textPaths(FILES_B));
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_B));
    });

    it('then answers that commit from the cache too (0 API calls)', async () => {
      await snapshotColdA();
      nockTree(COMMIT_B, FILES_B);
      for (const path of ['src/index.ts', 'src/reconcile.ts', 'src/audit.ts']) nockBlob(FILES_B[path] ?? '');
      await createReader().snapshot(COMMIT_B);
      requests = [];

      const snapshot = await createReader().snapshot(COMMIT_B);

      expect(requests).toEqual([]);
      expect(lastSnapshotLog()).toEqual({ strategy: 'cache', apiCalls: 0 });
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_B));
    });

    it('downloads the tarball instead when more blobs are missing than maxMissingBlobs (2 API calls)', async () => {
      await snapshotColdA();
      requests = [];
      nockTree(COMMIT_B, FILES_B);
      nockTarball(COMMIT_B, buildTar(FILES_B));

      const snapshot = await createReader({ maxMissingBlobs: 2 }).snapshot(COMMIT_B);

      expect(requests).toEqual([`tree ${COMMIT_B.slice(0, 7)}`, `tarball ${COMMIT_B.slice(0, 7)}`]);
      expect(lastSnapshotLog()).toEqual({ strategy: 'tarball', apiCalls: 2 });
      expectAllInterceptorsUsed();
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_B));
    });

    it('rejects a blob whose content does not hash to its id', async () => {
      await snapshotColdA();
      nockTree(COMMIT_B, FILES_B);
      nockBlob(FILES_B['src/index.ts'] ?? '', { content: Buffer.from('tampered') });
      nockBlob(FILES_B['src/reconcile.ts'] ?? '');
      nockBlob(FILES_B['src/audit.ts'] ?? '');

      await expect(createReader().snapshot(COMMIT_B)).rejects.toThrow('does not hash to it');
    });
  });

  describe('with a tree too large for GitHub to list whole', () => {
    it('takes the file list from the tarball alone (2 API calls)', async () => {
      nockTree(COMMIT_A, FILES_A, { truncated: true });
      nockTarball(COMMIT_A, buildTar(FILES_A, { format: 'pax' }));

      const snapshot = await createReader().snapshot(COMMIT_A);

      expect(requests).toEqual([`tree ${COMMIT_A.slice(0, 7)}`, `tarball ${COMMIT_A.slice(0, 7)}`]);
      expect(lastSnapshotLog()).toEqual({ strategy: 'tarball', apiCalls: 2 });
      expectAllInterceptorsUsed();
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_A));
    });

    it('ignores archive entries outside the top folder or with . and .. segments', async () => {
      nockTree(COMMIT_A, FILES_A, { truncated: true });
      nockTarball(
        COMMIT_A,
        tarArchive([
          tarEntry(`${TOP_FOLDER}/src/index.ts`, 'export {};\n'),
          tarEntry(`${TOP_FOLDER}/../../../etc/cron.d/evil`, 'evil'),
          tarEntry(`${TOP_FOLDER}/src/./dot.ts`, 'dot'),
          tarEntry(`${TOP_FOLDER}//double.ts`, 'double'),
          tarEntry('another-top-1234567/intruder.ts', 'intruder'),
          tarEntry('loose.ts', 'loose'),
        ]),
      );

      const snapshot = await createReader().snapshot(COMMIT_A);

      expect([...snapshot.files.keys()]).toEqual(['src/index.ts']);
    });
  });

  describe('when the tarball leaves files out (export-ignore in .gitattributes)', () => {
    it('fetches those blobs one by one (2 + 1 API calls)', async () => {
      nockTree(COMMIT_A, FILES_A);
      const { 'package.json': ignored, ...exported } = FILES_A;
      nockTarball(COMMIT_A, buildTar(exported));
      nockBlob(ignored ?? '');

      const snapshot = await createReader().snapshot(COMMIT_A);

      expect(requests).toEqual([
        `tree ${COMMIT_A.slice(0, 7)}`,
        `tarball ${COMMIT_A.slice(0, 7)}`,
        ...blobRequests(FILES_A, ['package.json']),
      ]);
      expectAllInterceptorsUsed();
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_A));
    });
  });

  describe('with a branch name instead of a commit id', () => {
    it('lists the tree every time, since a branch moves, but reuses the cached blobs (1 API call)', async () => {
      await snapshotColdA();
      requests = [];
      nockTree('main', FILES_A);

      const snapshot = await createReader().snapshot('main');

      expect(requests).toEqual(['tree main']);
      expect(lastSnapshotLog()).toEqual({ strategy: 'blobs', apiCalls: 1 });
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_A));
    });
  });

  describe('with a cache smaller than the repository', () => {
    it('keeps the cache under its cap and still serves every file', async () => {
      const small = createBlobCache({ directory, maxBytes: 64 * 1024 });
      nockTree(COMMIT_A, FILES_A);
      nockTarball(COMMIT_A, tarballOfA());

      const snapshot = await createReader({ cache: small }).snapshot(COMMIT_A);

      expect(await small.size()).toBeLessThanOrEqual(64 * 1024);
      expect(await readAll(snapshot)).toEqual(expectedTexts(FILES_A));
    });
  });

  describe('with a repository over a snapshot limit', () => {
    const overLimit = (message: string) =>
      expect.objectContaining({
        name: 'SnapshotLimitError',
        message: `[sift] ${message}, over Sift's limit for cross-file context`,
      });

    it.each([
      {
        name: 'more text than maxUnpackedBytes',
        limits: { maxUnpackedBytes: 64 * 1024 },
        message: "the repository's text files add up to more than 64 KiB",
      },
      {
        name: 'more files than maxFiles',
        limits: { maxFiles: 20 },
        message: 'the repository holds more than 20 files',
      },
    ])('a tarball with $name › stops reading and caches no file list', async ({ limits, message }) => {
      nockTree(COMMIT_A, FILES_A, { truncated: true });
      nockTarball(COMMIT_A, tarballOfA());

      await expect(createReader({ limits }).snapshot(COMMIT_A)).rejects.toEqual(overLimit(message));
      expectAllInterceptorsUsed();
      expect(await cache.getManifest(INVENTORY, COMMIT_A)).toBeNull();
    });

    it('a gzip bomb (16 MiB of zeros in 16 KiB) › stops after maxArchiveBytes of gunzip output', async () => {
      const bomb = gzipSync(
        Buffer.concat([tarEntry(`${TOP_FOLDER}/zeros.bin`, Buffer.alloc(16 << 20)), Buffer.alloc(1024)]),
      );
      expect(bomb.length).toBeLessThan(64 * 1024);
      nockTree(COMMIT_A, FILES_A, { truncated: true });
      nockTarball(COMMIT_A, bomb);

      await expect(createReader({ limits: { maxArchiveBytes: 1 << 20 } }).snapshot(COMMIT_A)).rejects.toEqual(
        overLimit("the repository's archive unpacks to more than 1 MiB"),
      );
    });

    it('a tree listing over the caps › fails before downloading anything', async () => {
      nockTree(COMMIT_A, FILES_A);

      await expect(createReader({ limits: { maxFiles: 20 } }).snapshot(COMMIT_A)).rejects.toEqual(
        overLimit('the repository holds more than 20 files'),
      );
      expect(requests).toEqual([`tree ${COMMIT_A.slice(0, 7)}`]);
    });

    it('a download slower than timeoutMs › stops it', async () => {
      nockTree(COMMIT_A, FILES_A, { truncated: true });
      nock(GITHUB_API)
        .get(`/repos/acme/inventory/tarball/${COMMIT_A}`)
        .delay(10_000)
        .reply(200, tarballOfA());

      const started = Date.now();
      await expect(createReader({ limits: { timeoutMs: 200 } }).snapshot(COMMIT_A)).rejects.toEqual(
        overLimit('the repository took longer than 0.2 s to download'),
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  describe('when the signal aborts', () => {
    it('stops the tarball download mid-stream and rejects with the reason', async () => {
      const controller = new AbortController();
      const reason = new Error('superseded by a newer push');
      const tarball = tarballOfA();
      const readme = gitBlobId(contentOf(FILES_A['README.md'] ?? ''));
      let chunks = 0;
      nockTree(COMMIT_A, FILES_A);
      nockTarball(
        COMMIT_A,
        () =>
          new Readable({
            read() {
              // One chunk; once Sift has read a file out of it, the job is superseded and the
              // rest never arrives.
              if (chunks++ === 0) this.push(tarball.subarray(0, 16 * 1024));
              else void waitFor(() => cache.has(readme)).then(() => controller.abort(reason));
            },
          }),
      );

      await expect(createReader().snapshot(COMMIT_A, controller.signal)).rejects.toBe(reason);
      expect(chunks).toBeGreaterThan(1);
      // What arrived before the abort was read as it streamed; nothing past it, and no manifest.
      expect(await cache.has(readme)).toBe(true);
      expect(await cache.has(gitBlobId(contentOf(FILES_A['src/index.ts'] ?? '')))).toBe(false);
      expect(await cache.getManifest(INVENTORY, COMMIT_A)).toBeNull();
    });

    it('rejects while waiting for the tree', async () => {
      const controller = new AbortController();
      const reason = new Error('shutting down');
      nock(GITHUB_API)
        .get(`/repos/acme/inventory/git/trees/${COMMIT_A}`)
        .query(true)
        .delay(10_000)
        .reply(200, {});
      setTimeout(() => controller.abort(reason), 20);

      const started = Date.now();
      await expect(createReader().snapshot(COMMIT_A, controller.signal)).rejects.toBe(reason);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('makes no call at all when already aborted', async () => {
      const reason = new Error('superseded');
      await expect(createReader().snapshot(COMMIT_A, AbortSignal.abort(reason))).rejects.toBe(reason);
      expect(requests).toEqual([]);
    });
  });
});
