/** A file of a repository at one commit. */
export interface RepoFile {
  readonly path: string;
  /**
   * The identity of the file's content: git's blob id where the source knows it, otherwise the
   * same hash computed from the content. Caches of parsed symbols are keyed by it, so a file is
   * parsed once per content, whatever commit or pull request it shows up in.
   */
  readonly id: string;
  readonly size: number;
}

/** A repository at one commit, as the context engine reads it. */
export interface RepositorySnapshot {
  readonly commit: string;
  /** Every text file small enough to be worth reading, by path. */
  readonly files: ReadonlyMap<string, RepoFile>;
  /** The file's text, or null when it is missing, binary or over the size limit. */
  read(path: string): Promise<string | null>;
}

/**
 * The repository port: the GitHub adapter (the app), the local git adapter (CLI, eval) and the
 * fixture adapter (tests) all answer the same question — what was in the repository at a commit.
 */
export interface RepositoryReader {
  snapshot(commit: string, signal?: AbortSignal): Promise<RepositorySnapshot>;
}

/**
 * Files larger than this are left out of context: they are almost always generated, minified or
 * data, and one of them would eat the whole token budget.
 */
export const MAX_CONTEXT_FILE_BYTES = 512 * 1024;
