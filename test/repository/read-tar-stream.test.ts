import { describe, expect, it } from 'vitest';
import { readTarStream, type TarFile } from '../../src/repository/read-tar-stream.js';
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
  for await (const file of readTarStream(source, { maxFileBytes })) files.push(file);
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
      for await (const file of readTarStream(source(), { maxFileBytes: 1024 })) {
        expect(file.path).toBe('top/a.ts');
        break;
      }
      expect(closed).toBe(true);
    });
  });
});
