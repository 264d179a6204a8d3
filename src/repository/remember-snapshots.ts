import type { RepositoryReader, RepositorySnapshot } from './repository-reader.js';

/** A repository reader that loads each commit once, and says which snapshots it already holds. */
export interface RememberingReader extends RepositoryReader {
  /** The snapshot of `commit` when a stage already loaded it; null when none did, or loading failed. */
  loaded(commit: string): Promise<RepositorySnapshot | null>;
}

/**
 * Wraps a reader for the stages of one review: the first request for a commit loads it and every
 * later one shares that load — a failure too, so a repository that could not be downloaded is
 * not downloaded again. Stages that only profit from a snapshot (reading a few files) use
 * `loaded` and never start a download of their own.
 */
export function rememberSnapshots(reader: RepositoryReader): RememberingReader {
  const snapshots = new Map<string, Promise<RepositorySnapshot>>();
  return {
    snapshot(commit, signal) {
      let pending = snapshots.get(commit);
      if (!pending) {
        pending = reader.snapshot(commit, signal);
        snapshots.set(commit, pending);
      }
      return pending;
    },
    async loaded(commit) {
      return (await snapshots.get(commit)?.catch(() => null)) ?? null;
    },
  };
}
