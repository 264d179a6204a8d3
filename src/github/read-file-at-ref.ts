import type { RepositorySnapshot } from '../repository/repository-reader.js';
import type { Octokit } from './octokit.js';

/** A file at a commit: whether it exists, and its text when it is text. */
export interface FileAtRef {
  readonly exists: boolean;
  readonly text: string | null;
}

/** A file at a commit through the contents API. */
export async function readFileAtRef(
  octokit: Octokit,
  target: { owner: string; repo: string; path: string; ref: string },
): Promise<FileAtRef> {
  try {
    const response = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: target.owner,
      repo: target.repo,
      path: target.path,
      ref: target.ref,
      mediaType: { format: 'raw' },
    });
    return { exists: true, text: typeof response.data === 'string' ? response.data : null };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { exists: false, text: null };
    throw error;
  }
}

/**
 * Reads files at one ref, each path once however often it is asked for (several findings sit in
 * one file): from the snapshot of that commit when one is already loaded and holds the file, else
 * through the contents API.
 */
export function createFileReader(
  octokit: Octokit,
  target: { owner: string; repo: string; ref: string },
  snapshot: RepositorySnapshot | null = null,
): (path: string) => Promise<FileAtRef> {
  const files = new Map<string, Promise<FileAtRef>>();
  const readOnce = async (path: string): Promise<FileAtRef> => {
    const text = snapshot?.files.has(path) ? await snapshot.read(path) : null;
    if (text !== null) return { exists: true, text };
    return readFileAtRef(octokit, { ...target, path });
  };
  return (path) => {
    let file = files.get(path);
    if (!file) {
      file = readOnce(path);
      files.set(path, file);
    }
    return file;
  };
}
