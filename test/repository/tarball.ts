import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeTempDir } from '../support/temp-dir.js';

/** A file of a test repository: its content, or the target of a symbolic link. */
export type TreeEntry = string | Buffer | { readonly symlink: string };

/** The folder GitHub puts every path of a tarball under: `<owner>-<repo>-<sha7>/`. */
export const TOP_FOLDER = 'acme-inventory-1234567';

/**
 * A real tar archive of `files` under `top`, written by GNU tar in the given format: `gnu` uses
 * `L` long-name entries, `pax` uses `x` extended headers, `ustar` splits long paths into prefix + name.
 */
export function buildTar(
  files: Readonly<Record<string, TreeEntry>>,
  options: { format?: 'gnu' | 'pax' | 'ustar'; gzip?: boolean; top?: string } = {},
): Buffer {
  const root = makeTempDir('sift-tar-');
  const top = options.top ?? TOP_FOLDER;
  try {
    for (const [path, entry] of Object.entries(files)) {
      const target = join(root, top, path);
      mkdirSync(dirname(target), { recursive: true });
      if (typeof entry === 'object' && 'symlink' in entry) symlinkSync(entry.symlink, target);
      else writeFileSync(target, entry);
    }
    const archive = join(root, options.gzip === false ? 'archive.tar' : 'archive.tar.gz');
    execFileSync('tar', [
      options.gzip === false ? '-cf' : '-czf',
      archive,
      `--format=${options.format ?? 'gnu'}`,
      '--sort=name',
      '-C',
      root,
      top,
    ]);
    return readFileSync(archive);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The archive `git archive` makes of a commit of `files`, as GitHub serves it (pax, with a global header). */
export function buildGitArchive(files: Readonly<Record<string, TreeEntry>>, top = TOP_FOLDER): Buffer {
  const root = makeTempDir('sift-git-archive-');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=Sift', '-c', 'user.email=sift@example.com', ...args]);
  try {
    git('init', '-q');
    for (const [path, entry] of Object.entries(files)) {
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      if (typeof entry === 'object' && 'symlink' in entry) symlinkSync(entry.symlink, target);
      else writeFileSync(target, entry);
    }
    git('add', '-A');
    git('commit', '-q', '-m', 'fixture');
    return git('archive', '--format=tar', `--prefix=${top}/`, 'HEAD');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * One hand-made ustar entry, for archives tar refuses to write (hostile names, broken checksums).
 * Spec: https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06
 */
export function tarEntry(name: string, content: string | Buffer = '', type = '0'): Buffer {
  const data = Buffer.from(content);
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1');
  header.write(type, 156, 'latin1');
  header.write('ustar\x0000', 257, 'latin1');
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, padding]);
}

/** Entries followed by the two zero blocks that end an archive, gzipped unless asked not to. */
export function tarArchive(entries: readonly Buffer[], options: { gzip?: boolean } = {}): Buffer {
  const tar = Buffer.concat([...entries, Buffer.alloc(1024)]);
  return options.gzip === false ? tar : gzipSync(tar);
}

/** The bytes in chunks of `size`, as a network stream would deliver them. */
export async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}
