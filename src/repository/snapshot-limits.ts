/**
 * How much of a repository Sift reads for cross-file context. A pull request from a fork decides
 * what the head commit holds, so every dimension of a snapshot is capped; past any cap the
 * snapshot stops and the review goes on with the diff alone, saying so on the check run.
 */
export interface SnapshotLimits {
  /** Bytes of the uncompressed archive (gunzip's output), whatever is kept of them. */
  readonly maxArchiveBytes: number;
  /** Bytes of the files read (text files under MAX_CONTEXT_FILE_BYTES each), all together. */
  readonly maxUnpackedBytes: number;
  /** Entries of the archive, or text files of the tree. */
  readonly maxFiles: number;
  /** Milliseconds for the whole snapshot: the tree, the blobs and the archive. */
  readonly timeoutMs: number;
}

export const SNAPSHOT_LIMITS: SnapshotLimits = {
  // Four times the unpacked cap, for the binaries and large files skipped as they stream past.
  // gunzip inflates this in a few seconds of CPU; a gzip bomb (deflate reaches ~1,000:1) of a
  // couple of megabytes gets no further.
  maxArchiveBytes: 2 * 1024 ** 3,
  // The texts stay in memory for the review and land in the blob cache (SIFT_CACHE_MAX_MB,
  // 2,048 by default): a quarter of that leaves room for other repositories and the worker's heap.
  maxUnpackedBytes: 512 * 1024 ** 2,
  // 2.5 times the 100,000 entries at which GitHub truncates a tree listing (the usual reason for a
  // tarball), so large monorepos still get context; each file costs a hash and a disk write.
  maxFiles: 250_000,
  // codeload serves even a large repository's archive in well under a minute; a download slower
  // than this is throttled or trickled on purpose, and the review should not wait for it.
  timeoutMs: 120_000,
};
