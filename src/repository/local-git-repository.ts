import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { looksBinary } from '../diff/looks-binary.js';
import { SnapshotLimitError } from '../errors.js';
import { isTextContent } from './is-text-content.js';
import { MAX_CONTEXT_FILE_BYTES, type RepoFile, type RepositoryReader } from './repository-reader.js';
import { SNAPSHOT_LIMITS, type SnapshotLimits } from './snapshot-limits.js';

const run = promisify(execFile);

/**
 * Reads commits of a local git repository (the CLI and the eval harness): the file list from
 * `git ls-tree`, every wanted blob in one `git cat-file --batch` process. The checkout may be a
 * fork's pull request (the CLI in CI), so the listing is held to `limits` before any blob is read.
 */
export function createLocalGitRepository(
  directory: string,
  options: { limits?: Partial<Pick<SnapshotLimits, 'maxFiles' | 'maxUnpackedBytes'>> } = {},
): RepositoryReader {
  const limits = { ...SNAPSHOT_LIMITS, ...options.limits };
  return {
    async snapshot(commit, signal) {
      const { stdout } = await run('git', ['-C', directory, 'ls-tree', '-r', '-l', '-z', commit], {
        maxBuffer: 256 << 20,
        ...(signal ? { signal } : {}),
      });
      const files = new Map<string, RepoFile>();
      let bytes = 0;
      for (const entry of stdout.split('\0')) {
        // <mode> SP <type> SP <object> SP+ <size> TAB <path>
        const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.+)$/s.exec(entry);
        if (match?.[2] !== 'blob' || match[1] === '120000') continue;
        const [, , , id = '', size = '0', path = ''] = match;
        if (Number(size) > MAX_CONTEXT_FILE_BYTES || looksBinary(path)) continue;
        files.set(path, { path, id, size: Number(size) });
        bytes += Number(size);
      }
      if (files.size > limits.maxFiles) throw new SnapshotLimitError('files', limits.maxFiles);
      if (bytes > limits.maxUnpackedBytes)
        throw new SnapshotLimitError('unpacked-bytes', limits.maxUnpackedBytes);
      const texts = await readBlobs(
        directory,
        [...files.values()].map((file) => file.id),
      );
      for (const [path, file] of files) if (!texts.has(file.id)) files.delete(path);
      return { commit, files, read: async (path) => texts.get(files.get(path)?.id ?? '') ?? null };
    },
  };
}

/** Reads blobs through one `git cat-file --batch`; binary blobs are left out. */
async function readBlobs(directory: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const texts = new Map<string, string>();
  if (unique.length === 0) return texts;
  const child = spawn('git', ['-C', directory, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(`${unique.join('\n')}\n`);
  if ((await exited) !== 0) throw new Error(`[sift] git cat-file failed in ${directory}`);
  const output = Buffer.concat(chunks);
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(10, offset);
    const header = output.subarray(offset, newline).toString('utf8'); // <id> <type> <size>
    const [id = '', , size = '0'] = header.split(' ');
    const start = newline + 1;
    const end = start + Number(size);
    const content = output.subarray(start, end);
    if (isTextContent(content)) texts.set(id, content.toString('utf8'));
    offset = end + 1; // each object is followed by a newline
  }
  return texts;
}
