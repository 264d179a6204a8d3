import { describe, expect, it } from 'vitest';
import { readTarStream, type TarFile } from '../../src/repository/read-tar-stream.js';
import { SNAPSHOT_LIMITS } from '../../src/repository/snapshot-limits.js';
import {
  buildGitArchive,
  buildTar,
  chunked,
  TOP_FOLDER,
  type TreeEntry,
  tarArchive,
  tarEntry,
} from './tarball.js';

/** Over 100 characters, but splittable into ustar's prefix (155) and name (100). */
const LONG_PATH = `src/${'deeply-nested-folder/'.repeat(6)}inventory-reconciliation-service.ts`;
/** A file name over 100 characters: only pax records or GNU long names can hold it. */
const LONG_NAME = `src/${'warehouse-stock-level-'.repeat(6)}adjustment.ts`;
const OVER_LIMIT = 4096;

const FILES: Record<string, TreeEntry> = {
  'README.md': '# Inventory\n',
  'src/index.ts': "export { reconcile } from './reconcile.js';\n",
  'src/empty.ts': '',
  [LONG_PATH]: 'export const deep = true;\n',
  'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  'dist/bundle.js': 'x'.repeat(OVER_LIMIT + 1),
  'docs/link-to-readme': { symlink: '../README.md' },
  'src/zz-after-the-large-file.ts': 'export const last = 1;\n',
};

const WITH_LONG_NAME: Record<string, TreeEntry> = { ...FILES, [LONG_NAME]: 'export const long = true;\n' };

/** What a reader over `files` must yield: the regular files at or under the limit. */
function expected(files: Record<string, TreeEntry>): TarFile[] {
  return Object.entries(files)
    .flatMap(([path, entry]) =>
      typeof entry === 'string' || Buffer.isBuffer(entry) ? [{ path, entry }] : [],
    )
    .filter(({ entry }) => Buffer.from(entry).length <= OVER_LIMIT)
    .map(({ path, entry }) => ({ path: `${TOP_FOLDER}/${path}`, content: Buffer.from(entry) }))
    .sort(byPath);
}

function byPath(a: TarFile, b: TarFile): number {
  return a.path < b.path ? -1 : 1;
}

async function readAll(source: AsyncIterable<Uint8Array>, maxFileBytes = OVER_LIMIT): Promise<TarFile[]> {
  const files: TarFile[] = [];
  for await (const file of readTarStream(source, { ...SNAPSHOT_LIMITS, maxFileBytes })) files.push(file);
  return files;
}

describe('readTarStream', () => {
  describe.each([
    [
      'GNU tar (L long names)',
      WITH_LONG_NAME,
      () => buildTar(WITH_LONG_NAME, { format: 'gnu', gzip: false }),
    ],
    [
      'pax (x extended headers)',
      WITH_LONG_NAME,
      () => buildTar(WITH_LONG_NAME, { format: 'pax', gzip: false }),
    ],
    ['ustar (prefix + name)', FILES, () => buildTar(FILES, { format: 'ustar', gzip: false })],
    [
      'git archive, as GitHub serves it (global header, prefix and pax)',
      WITH_LONG_NAME,
      () => buildGitArchive(WITH_LONG_NAME),
    ],
  ])('with an archive written by %s', (_name, files, build) => {
    const archive = build();

    it.each([1, 7, 512, 100_000])(
      'in chunks of %i bytes › yields every regular file under the limit',
      async (size) => {
        expect((await readAll(chunked(archive, size))).sort(byPath)).toEqual(expected(files));
      },
    );
  });

  describe('with a file over the limit', () => {
    it('skips it and reads the next file whole', async () => {
      const archive = tarArchive(
        [tarEntry('top/huge.log', 'y'.repeat(3 * 1024 * 1024)), tarEntry('top/next.ts', 'ok')],
        {
          gzip: false,
        },
      );
      const files = await readAll(chunked(archive, 16 * 1024), 1024);
      expect(files).toEqual([{ path: 'top/next.ts', content: Buffer.from('ok') }]);
    });
  });

  describe('with entries that are not regular files', () => {
    it('skips directories, links and devices', async () => {
      const archive = tarArchive(
        [
          tarEntry('top/src/', '', '5'),
          tarEntry('top/hard-link', '', '1'),
          tarEntry('top/symlink', '', '2'),
          tarEntry('top/fifo', '', '6'),
          tarEntry('top/file.ts', 'kept'),
        ],
        { gzip: false },
      );
      expect((await readAll(chunked(archive, 512))).map((file) => file.path)).toEqual(['top/file.ts']);
    });
  });

  describe('with a damaged archive', () => {
    it('rejects a header whose checksum does not match', async () => {
      const entry = tarEntry('top/file.ts', 'content');
      entry[0] = 'X'.charCodeAt(0);
      await expect(readAll(chunked(tarArchive([entry], { gzip: false }), 512))).rejects.toThrow(/checksum/);
    });

    it('rejects an archive that ends in the middle of a file', async () => {
      const archive = tarEntry('top/file.ts', 'z'.repeat(2000)).subarray(0, 1024);
      await expect(readAll(chunked(archive, 512))).rejects.toThrow('ends in the middle of top/file.ts');
    });

    it('ends cleanly at the end of the stream even without the closing zero blocks', async () => {
      const files = await readAll(chunked(tarEntry('top/file.ts', 'content'), 100));
      expect(files).toEqual([{ path: 'top/file.ts', content: Buffer.from('content') }]);
    });
  });

  describe('with a cap reached', () => {
    const tenFiles = () =>
      tarArchive(
        Array.from({ length: 10 }, (_, index) => tarEntry(`top/file-${index}.ts`, 'x'.repeat(600))),
        { gzip: false },
      );
    const read = (limits: Partial<typeof SNAPSHOT_LIMITS>) =>
      readTarStream(chunked(tenFiles(), 512), { ...SNAPSHOT_LIMITS, maxFileBytes: OVER_LIMIT, ...limits });
    const drain = async (files: AsyncIterable<TarFile>) => {
      const paths: string[] = [];
      try {
        for await (const file of files) paths.push(file.path);
      } catch (error) {
        return { paths, error: String(error) };
      }
      return { paths, error: null };
    };

    it.each([
      {
        cap: 'files',
        limits: { maxFiles: 3 },
        error: 'the repository holds more than 3 files',
      },
      {
        cap: 'bytes of files',
        limits: { maxUnpackedBytes: 2048 },
        error: "the repository's text files add up to more than 2 KiB",
      },
      {
        // Each entry is a 512-byte header and 1,024 bytes of content and padding.
        cap: 'bytes of archive',
        limits: { maxArchiveBytes: 4 * 1536 },
        error: "the repository's archive unpacks to more than 6 KiB",
      },
    ])('$cap › stops with the cap named, after the files under it', async ({ limits, error }) => {
      const result = await drain(read(limits));
      expect(result.error).toBe(
        `SnapshotLimitError: [sift] ${error}, over Sift's limit for cross-file context`,
      );
      expect(result.paths.length).toBeLessThan(10);
    });

    it('files skipped for their size count toward the file cap', async () => {
      const result = await drain(read({ maxFiles: 3, maxUnpackedBytes: 1 << 20 }));
      expect(result.paths).toEqual(['top/file-0.ts', 'top/file-1.ts', 'top/file-2.ts']);
      const skipped = readTarStream(chunked(tenFiles(), 512), {
        ...SNAPSHOT_LIMITS,
        maxFileBytes: 100,
        maxFiles: 3,
      });
      expect(await drain(skipped)).toEqual({
        paths: [],
        error:
          "SnapshotLimitError: [sift] the repository holds more than 3 files, over Sift's limit for cross-file context",
      });
    });
  });

  describe('when the consumer stops early', () => {
    it('stops reading the source', async () => {
      const archive = tarArchive([tarEntry('top/a.ts', 'a'), tarEntry('top/b.ts', 'b')], { gzip: false });
      let closed = false;
      async function* source() {
        try {
          yield* chunked(archive, 512);
        } finally {
          closed = true;
        }
      }
      for await (const file of readTarStream(source(), { ...SNAPSHOT_LIMITS, maxFileBytes: 1024 })) {
        expect(file.path).toBe('top/a.ts');
        break;
      }
      expect(closed).toBe(true);
    });
  });
});
