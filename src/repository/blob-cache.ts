import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { gitBlobId } from './git-blob-id.js';
import type { RepoFile } from './repository-reader.js';

export interface BlobCacheOptions {
  /** Where the cache lives; Sift passes SIFT_CACHE_DIR, or `os.tmpdir()/sift-cache`. */
  readonly directory: string;
  /** Past this many bytes (blobs and manifests), the least recently used go until 90 % of it is left. */
  readonly maxBytes: number;
  /** The clock that stamps "last used" times, in milliseconds. */
  readonly now?: () => number;
}

export interface CachedRepository {
  readonly owner: string;
  readonly repo: string;
}

/** Blobs by git blob id, and the file list of commits already seen, on disk and shared by every job. */
export interface BlobCache {
  /**
   * The blob's bytes, or null when it is not cached; a hit counts as a use. The bytes are hashed
   * again on every read: a blob that no longer hashes to its id is deleted and reported as a miss.
   */
  get(id: string): Promise<Buffer | null>;
  /** Whether the blob is cached; a hit counts as a use, so the blobs of a snapshot stay together. */
  has(id: string): Promise<boolean>;
  put(id: string, bytes: Uint8Array): Promise<void>;
  getManifest(repository: CachedRepository, commit: string): Promise<RepoFile[] | null>;
  putManifest(repository: CachedRepository, commit: string, files: readonly RepoFile[]): Promise<void>;
  /** The bytes this process counts in the cache. */
  size(): Promise<number>;
}

const OBJECT_ID = /^[0-9a-f]{40}$/;
// GitHub logins are letters, digits and hyphens (plus `_` for managed users); repository names
// add `.`, and `.`/`..` are refused (https://docs.github.com/en/repositories/creating-and-managing-repositories/creating-a-new-repository).
const OWNER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const REPO = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
/** Temp files older than this were left by a crashed writer; younger ones may still be in use. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/**
 * The cache decides what the model is shown as the repository's code, and its default place is
 * the shared temp folder: only the user Sift runs as may read or write it.
 */
const PRIVATE_DIRECTORY = 0o700;

const manifestSchema = z.object({
  files: z.array(
    z.object({ path: z.string().min(1), id: z.string().regex(OBJECT_ID), size: z.number().int().min(0) }),
  ),
});

/**
 * A content-addressed disk cache. Ids are validated before they touch a path, writes go through a
 * temp file and a rename (a crash never leaves half a file), and the total size is kept in memory
 * (counted from disk once) so the cap is enforced without listing the directory on every write.
 * Its folders are private to the user (0700), and blobs are checked against their ids when read,
 * so neither another local user nor a damaged disk can change what a review sees.
 */
export function createBlobCache(options: BlobCacheOptions): BlobCache {
  const { directory, maxBytes } = options;
  const now = options.now ?? Date.now;
  const writing = new Map<string, Promise<void>>();
  let counting: Promise<void> | undefined;
  let securing: Promise<void> | undefined;
  let bytes = 0;
  let evicting: Promise<number> | undefined;

  const blobPath = (id: string) => join(directory, 'blobs', id.slice(0, 2), id.slice(2));
  const manifestPath = ({ owner, repo }: CachedRepository, commit: string) => {
    if (!OWNER.test(owner) || !REPO.test(repo)) {
      throw new Error(
        `[sift] refusing to cache ${JSON.stringify(`${owner}/${repo}`)}: not a GitHub repository name`,
      );
    }
    checkId(commit, 'commit');
    return join(directory, 'commits', owner.toLowerCase(), repo.toLowerCase(), `${commit}.json`);
  };

  const counted = () => {
    counting ??= secured()
      .then(() => countBytes(directory))
      .then((found) => {
        bytes += found;
      });
    return counting;
  };

  const secured = () => {
    securing ??= makePrivate(directory);
    return securing;
  };

  const touch = async (path: string) => {
    const time = new Date(now());
    try {
      await utimes(path, time, time);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };

  const read = async (path: string) => {
    await secured();
    try {
      const content = await readFile(path);
      await touch(path);
      return content;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  const store = (path: string, content: Uint8Array) => {
    const pending =
      writing.get(path) ??
      (async () => {
        await counted();
        if (await touch(path)) return;
        await writeAtomically(path, content, new Date(now()));
        bytes += content.byteLength;
        // Writes that land while an eviction lists the directory may need another round.
        while (bytes > maxBytes) {
          evicting ??= evict().finally(() => {
            evicting = undefined;
          });
          if ((await evicting) === 0) break;
        }
      })().finally(() => writing.delete(path));
    writing.set(path, pending);
    return pending;
  };

  /** Deletes the least recently used entries until 90 % of the cap is left; answers the bytes freed. */
  const evict = async () => {
    const entries = await listEntries(directory);
    entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
    let freed = 0;
    for (const entry of entries) {
      if (bytes <= maxBytes * 0.9) break;
      try {
        await unlink(entry.path);
        bytes -= entry.size;
        freed += entry.size;
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    return freed;
  };

  /** A blob whose bytes no longer hash to its id (a disk error, a tampered file) is dropped. */
  const readBlob = async (id: string) => {
    const path = blobPath(checkId(id, 'blob'));
    const content = await read(path);
    if (!content || gitBlobId(content) === id) return content;
    await counted();
    try {
      await unlink(path);
      bytes -= content.byteLength;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    return null;
  };

  return {
    get: readBlob,
    has: async (id) => touch(blobPath(checkId(id, 'blob'))),
    put: async (id, content) => store(blobPath(checkId(id, 'blob')), content),
    async getManifest(repository, commit) {
      const path = manifestPath(repository, commit);
      const content = await read(path);
      if (!content) return null;
      const parsed = manifestSchema.safeParse(parseJson(content.toString('utf8')));
      if (parsed.success) return parsed.data.files;
      await unlink(path).catch(() => {}); // unreadable: drop it, or it would shadow a good one forever
      return null;
    },
    putManifest: async (repository, commit, files) =>
      store(
        manifestPath(repository, commit),
        Buffer.from(JSON.stringify({ files: files.map(({ path, id, size }) => ({ path, id, size })) })),
      ),
    async size() {
      await counted();
      return bytes;
    },
  };
}

function checkId(id: string, kind: 'blob' | 'commit'): string {
  if (!OBJECT_ID.test(id))
    throw new Error(`[sift] refusing to cache ${kind} id ${JSON.stringify(id)}: not 40 hex digits`);
  return id;
}

/** Creates the cache folder for this user only, or closes an existing one to others. */
async function makePrivate(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: PRIVATE_DIRECTORY });
  const info = await stat(directory);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new Error(
      `[sift] the cache folder ${directory} belongs to another user: set SIFT_CACHE_DIR to a folder of Sift's own`,
    );
  }
  if ((info.mode & 0o777) !== PRIVATE_DIRECTORY) await chmod(directory, PRIVATE_DIRECTORY);
}

async function writeAtomically(path: string, content: Uint8Array, time: Date): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIRECTORY });
  const temp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, { flag: 'wx' });
    await utimes(temp, time, time);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

interface Entry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Sums the cache on disk, clearing the temp files crashed writers left behind. */
async function countBytes(directory: string): Promise<number> {
  let sum = 0;
  for (const entry of await listEntries(directory, { clearStaleTemps: true })) sum += entry.size;
  return sum;
}

async function listEntries(directory: string, options = { clearStaleTemps: false }): Promise<Entry[]> {
  const entries: Entry[] = [];
  const walk = async (folder: string): Promise<void> => {
    let children: Dirent[];
    try {
      children = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const child of children) {
      const path = join(folder, child.name);
      if (child.isDirectory()) await walk(path);
      else if (child.isFile()) {
        const info = await stat(path).catch(() => null);
        if (!info) continue;
        if (!child.name.endsWith('.tmp')) entries.push({ path, size: info.size, mtimeMs: info.mtimeMs });
        else if (options.clearStaleTemps && Date.now() - info.ctimeMs > STALE_TEMP_MS)
          await unlink(path).catch(() => {});
      }
    }
  };
  await walk(join(directory, 'blobs'));
  await walk(join(directory, 'commits'));
  return entries;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
