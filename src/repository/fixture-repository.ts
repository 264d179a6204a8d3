import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { looksBinary } from '../diff/looks-binary.js';
import { gitBlobId } from './git-blob-id.js';
import { isTextContent } from './is-text-content.js';
import {
  MAX_CONTEXT_FILE_BYTES,
  type RepoFile,
  type RepositoryReader,
  type RepositorySnapshot,
} from './repository-reader.js';

/**
 * Reads a repository laid out as folders, one per commit (`<root>/<commit>/…`), as tests and
 * benchmarks keep them. Contents are read once per snapshot.
 */
export function createFixtureRepository(root: string): RepositoryReader {
  return {
    async snapshot(commit) {
      const base = join(root, commit);
      const contents = new Map<string, string>();
      const files = new Map<string, RepoFile>();
      for (const absolute of walk(base)) {
        const path = relative(base, absolute).split(sep).join('/');
        if (looksBinary(path) || statSync(absolute).size > MAX_CONTEXT_FILE_BYTES) continue;
        const content = readFileSync(absolute);
        if (!isTextContent(content)) continue;
        files.set(path, { path, id: gitBlobId(content), size: content.length });
        contents.set(path, content.toString('utf8'));
      }
      const snapshot: RepositorySnapshot = {
        commit,
        files,
        read: async (path) => contents.get(path) ?? null,
      };
      return snapshot;
    },
  };
}

function* walk(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name === '.git') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
