import { gitBlobId } from '../../src/repository/git-blob-id.js';
import type { RepoFile, RepositorySnapshot } from '../../src/repository/repository-reader.js';

/** A repository snapshot held in memory, from file texts by path; content ids are git's blob ids. */
export function memorySnapshot(files: Readonly<Record<string, string>>, commit = 'head'): RepositorySnapshot {
  const entries = new Map<string, RepoFile>();
  for (const [path, text] of Object.entries(files)) {
    const content = Buffer.from(text, 'utf8');
    entries.set(path, { path, id: gitBlobId(content), size: content.length });
  }
  return { commit, files: entries, read: async (path) => files[path] ?? null };
}
