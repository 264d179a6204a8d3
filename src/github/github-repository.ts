import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { forEachConcurrently } from '../concurrency-limit.js';
import { looksBinary } from '../diff/looks-binary.js';
import { SnapshotLimitError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BlobCache } from '../repository/blob-cache.js';
import { gitBlobId } from '../repository/git-blob-id.js';
import { isTextContent } from '../repository/is-text-content.js';
import { readTarStream } from '../repository/read-tar-stream.js';
import {
  MAX_CONTEXT_FILE_BYTES,
  type RepoFile,
  type RepositoryReader,
  type RepositorySnapshot,
} from '../repository/repository-reader.js';
import { SNAPSHOT_LIMITS, type SnapshotLimits } from '../repository/snapshot-limits.js';
import type { Octokit } from './octokit.js';

export interface GitHubRepositoryOptions {
  readonly cache: BlobCache;
  readonly log?: Pick<Logger, 'info' | 'debug'> | undefined;
  /**
   * Up to this many blobs missing from the cache are fetched one call each — typically the files
   * a push changed. Past it, one tarball download costs fewer calls and less time.
   */
  readonly maxMissingBlobs?: number;
  /** Caps on what one snapshot reads (SNAPSHOT_LIMITS unless given); past one, the snapshot fails. */
  readonly limits?: Partial<SnapshotLimits>;
}

type SnapshotStrategy = 'cache' | 'blobs' | 'tarball';

const OBJECT_ID = /^[0-9a-f]{40}$/;
/** A push rarely changes more files than this; past it, one tarball beats a call per blob. */
const DEFAULT_MAX_MISSING_BLOBS = 40;
/**
 * Blob requests in flight at once: GitHub's secondary rate limits punish bursts of concurrent
 * requests (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits).
 */
const BLOB_CONCURRENCY = 8;
/** Disk reads in flight at once when a snapshot loads its texts from the cache. */
const DISK_CONCURRENCY = 32;

interface Session {
  readonly octokit: Octokit;
  readonly owner: string;
  readonly repo: string;
  readonly cache: BlobCache;
  readonly signal: AbortSignal | undefined;
  readonly limits: SnapshotLimits;
  apiCalls: number;
}

interface Loaded {
  readonly strategy: SnapshotStrategy;
  readonly files: readonly RepoFile[];
  /** Texts already in memory, by path; the others are read from the cache on demand. */
  readonly texts: Map<string, string>;
}

/**
 * Reads a GitHub repository at a commit with as few API calls as the cache allows:
 *   a  the commit's file list and every blob are cached          → no call
 *   b  otherwise the recursive tree lists paths and blob ids     → 1 call
 *   c  then the few blobs missing from the cache                 → 1 call each
 *   d  or, when many are missing or the tree is truncated, the
 *      tarball, streamed through gunzip and a tar reader         → 1 call
 * Loading stops with a SnapshotLimitError past any of `limits` (the repository is the fork's to fill).
 */
export function createGitHubRepository(
  octokit: Octokit,
  repository: { readonly owner: string; readonly repo: string },
  options: GitHubRepositoryOptions,
): RepositoryReader {
  const { cache, log } = options;
  const maxMissingBlobs = options.maxMissingBlobs ?? DEFAULT_MAX_MISSING_BLOBS;
  const limits: SnapshotLimits = { ...SNAPSHOT_LIMITS, ...options.limits };
  return {
    async snapshot(commit, signal) {
      const timeout = AbortSignal.timeout(limits.timeoutMs);
      const loading = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const session: Session = { octokit, ...repository, cache, signal: loading, limits, apiCalls: 0 };
      try {
        signal?.throwIfAborted();
        const { strategy, files, texts } = await loadFiles(session, commit, maxMissingBlobs);
        log?.info(
          { ...repository, commit, strategy, apiCalls: session.apiCalls, files: files.length },
          'repository snapshot loaded',
        );
        // Files read later, while the review runs, are not bound by the loading time.
        return createSnapshot({ ...session, signal }, commit, files, texts, log);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw timeout.aborted ? new SnapshotLimitError('time', limits.timeoutMs) : error;
      }
    },
  };
}

async function loadFiles(session: Session, commit: string, maxMissingBlobs: number): Promise<Loaded> {
  const { cache } = session;
  const coordinates = { owner: session.owner, repo: session.repo };
  // A branch name moves; only a full commit id names a file list worth keeping.
  const cacheable = OBJECT_ID.test(commit);
  if (cacheable) {
    const manifest = await cache.getManifest(coordinates, commit);
    if (manifest && (await missingBlobs(cache, manifest)).size === 0) {
      return { strategy: 'cache', files: manifest, texts: new Map() };
    }
  }
  const tree = await fetchTree(session, commit);
  if (!tree.truncated) checkTreeLimits(tree.files, session.limits);
  const loaded = tree.truncated
    ? await loadTarball(session, commit)
    : await loadTree(session, commit, tree.files, maxMissingBlobs);
  if (cacheable) await cache.putManifest(coordinates, commit, loaded.files);
  return loaded;
}

/** The commit's candidate files per the tree: blobs that are neither links, binary by name, nor too large. */
async function fetchTree(
  session: Session,
  commit: string,
): Promise<{ files: RepoFile[]; truncated: boolean }> {
  session.apiCalls++;
  const { data } = await session.octokit.rest.git.getTree({
    owner: session.owner,
    repo: session.repo,
    tree_sha: commit,
    recursive: '1',
    request: withSignal(session.signal),
  });
  const files: RepoFile[] = [];
  for (const { path, mode, type, sha, size } of data.tree) {
    // 120000 is a symbolic link; submodules are entries of type `commit`.
    if (type !== 'blob' || mode === '120000' || size === undefined || !OBJECT_ID.test(sha)) continue;
    if (size > MAX_CONTEXT_FILE_BYTES || looksBinary(path)) continue;
    files.push({ path, id: sha, size });
  }
  return { files, truncated: data.truncated };
}

/** The tree names every file up front, so its caps are checked before anything is downloaded. */
function checkTreeLimits(files: readonly RepoFile[], limits: SnapshotLimits): void {
  if (files.length > limits.maxFiles) throw new SnapshotLimitError('files', limits.maxFiles);
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (bytes > limits.maxUnpackedBytes)
    throw new SnapshotLimitError('unpacked-bytes', limits.maxUnpackedBytes);
}

/** Fills the cache with the blobs the tree names (by blob calls, or a tarball when many), then reads them. */
async function loadTree(
  session: Session,
  commit: string,
  candidates: readonly RepoFile[],
  maxMissingBlobs: number,
): Promise<Loaded> {
  const missing = await missingBlobs(session.cache, candidates);
  const contents = new Map<string, Buffer>();
  const strategy = missing.size > maxMissingBlobs ? 'tarball' : 'blobs';
  if (strategy === 'tarball') {
    await streamTarball(session, commit, async (_path, content) => {
      const id = gitBlobId(content);
      if (!missing.delete(id)) return;
      await session.cache.put(id, content);
      contents.set(id, content);
    });
  }
  // Blobs the tarball leaves out or rewrites (`export-ignore`, `export-subst` in .gitattributes)
  // are fetched one by one, so the next commit finds them cached.
  await forEachConcurrently([...missing], BLOB_CONCURRENCY, async (id) => {
    contents.set(id, await fetchBlob(session, id));
  });
  // Read now rather than on demand: only the content says whether a cached blob is text.
  const texts = new Map<string, string>();
  await forEachConcurrently(candidates, DISK_CONCURRENCY, async (file) => {
    const content = contents.get(file.id) ?? (await readBlob(session, file.id));
    if (isTextContent(content)) texts.set(file.path, content.toString('utf8'));
  });
  return { strategy, files: candidates.filter((file) => texts.has(file.path)), texts };
}

/** The file list and contents from the tarball alone, for trees too large for GitHub to list. */
async function loadTarball(session: Session, commit: string): Promise<Loaded> {
  const files: RepoFile[] = [];
  const texts = new Map<string, string>();
  await streamTarball(session, commit, async (path, content) => {
    const id = gitBlobId(content);
    await session.cache.put(id, content);
    if (!isTextContent(content)) return;
    files.push({ path, id, size: content.length });
    texts.set(path, content.toString('utf8'));
  });
  return { strategy: 'tarball', files, texts };
}

/**
 * Streams the commit's tarball (GitHub answers with a redirect to codeload, which fetch follows)
 * and hands over each file that is not binary by name nor too large, path relative to the
 * repository: GitHub puts every path under one `<owner>-<repo>-<sha7>/` folder.
 */
async function streamTarball(
  session: Session,
  commit: string,
  onFile: (path: string, content: Buffer) => Promise<void>,
): Promise<void> {
  session.apiCalls++;
  const response = await session.octokit.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
    owner: session.owner,
    repo: session.repo,
    ref: commit,
    request: { ...withSignal(session.signal), parseSuccessResponseBody: false },
  });
  const body: unknown = response.data;
  if (!(body instanceof ReadableStream))
    throw new Error('[sift] GitHub answered the tarball request without a body');
  let top: string | undefined;
  // Stopping the reader early destroys gunzip, and pipeline then reports that abort rather than
  // why the reader stopped (a cap, a corrupt archive); the reader's own error is the one to tell.
  let stopped: unknown;
  await pipeline(
    Readable.fromWeb(body),
    createGunzip(),
    async (archive: AsyncIterable<Buffer>) => {
      const options = { ...session.limits, maxFileBytes: MAX_CONTEXT_FILE_BYTES };
      try {
        for await (const entry of readTarStream(archive, options)) {
          const slash = entry.path.indexOf('/');
          if (slash <= 0) continue;
          top ??= entry.path.slice(0, slash);
          const path = entry.path.slice(slash + 1);
          if (entry.path.slice(0, slash) !== top || !isPlainPath(path) || looksBinary(path)) continue;
          await onFile(path, entry.content);
        }
      } catch (error) {
        stopped = error;
        throw error;
      }
    },
    withSignal(session.signal),
  ).catch((error: unknown) => {
    throw stopped ?? error;
  });
}

function createSnapshot(
  session: Session,
  commit: string,
  list: readonly RepoFile[],
  texts: Map<string, string>,
  log: GitHubRepositoryOptions['log'],
): RepositorySnapshot {
  const files = new Map(list.map((file) => [file.path, file]));
  return {
    commit,
    files,
    async read(path) {
      const file = files.get(path);
      if (!file) return null;
      const known = texts.get(path);
      if (known !== undefined) return known;
      const calls = session.apiCalls;
      const content = await readBlob(session, file.id);
      if (session.apiCalls > calls) log?.debug({ commit, path }, 'blob left the cache; fetched it again');
      if (!isTextContent(content)) return null;
      const text = content.toString('utf8');
      texts.set(path, text);
      return text;
    },
  };
}

/** The blob from the cache, or from GitHub when it is not (or no longer) there. */
async function readBlob(session: Session, id: string): Promise<Buffer> {
  return (await session.cache.get(id)) ?? (await fetchBlob(session, id));
}

async function fetchBlob(session: Session, id: string): Promise<Buffer> {
  session.apiCalls++;
  const { data } = await session.octokit.rest.git.getBlob({
    owner: session.owner,
    repo: session.repo,
    file_sha: id,
    request: withSignal(session.signal),
  });
  const content = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
  if (gitBlobId(content) !== id)
    throw new Error(`[sift] GitHub sent content for blob ${id} that does not hash to it`);
  await session.cache.put(id, content);
  return content;
}

async function missingBlobs(cache: BlobCache, files: readonly RepoFile[]): Promise<Set<string>> {
  const missing = new Set<string>();
  await forEachConcurrently([...new Set(files.map((file) => file.id))], DISK_CONCURRENCY, async (id) => {
    if (!(await cache.has(id))) missing.add(id);
  });
  return missing;
}

/** A relative path with no empty, `.` or `..` segment: an archive cannot name a file outside the repository. */
function isPlainPath(path: string): boolean {
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function withSignal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}
