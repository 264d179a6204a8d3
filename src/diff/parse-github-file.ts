import { MalformedDiffError } from '../errors.js';
import { looksBinary } from './looks-binary.js';
import { parseHunks } from './parse-hunks.js';
import type { DiffFile, FileStatus, Hunk, PatchState } from './types.js';

/** The fields Sift reads from an entry of GitHub's "list pull request files" response. */
export interface GitHubChangedFile {
  filename: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string | undefined;
  previous_filename?: string | undefined;
}

/** Turns one entry of GitHub's changed-file list into Sift's diff model. */
export function parseGitHubFile(file: GitHubChangedFile): DiffFile {
  let patchState = patchStateOf(file);
  let hunks: Hunk[] = [];
  if (patchState === 'present' && file.patch) {
    try {
      hunks = parseHunks(file.patch, file.filename);
    } catch (error) {
      // One broken patch must not sink the review of the other files; the file is reported as skipped.
      if (!(error instanceof MalformedDiffError)) throw error;
      patchState = 'unparseable';
    }
  }
  return {
    path: file.filename,
    previousPath: file.previous_filename ?? null,
    status: file.status,
    patchState,
    hunks,
    additions: file.additions,
    deletions: file.deletions,
  };
}

/**
 * GitHub omits `patch` without saying why. A text change always counts changed lines, so a file
 * with changes but no patch had its diff withheld as too large; a rename or mode change without
 * changed lines has no content change; what is left with no counted lines is binary, unless it is
 * an empty text file being added or removed.
 */
function patchStateOf(file: GitHubChangedFile): PatchState {
  if (file.patch !== undefined && file.patch !== '') return 'present';
  if (file.changes > 0) return 'too-large';
  if (
    file.status === 'renamed' ||
    file.status === 'copied' ||
    file.status === 'changed' ||
    file.status === 'unchanged'
  ) {
    return 'no-content-change';
  }
  if (file.status === 'modified' || looksBinary(file.filename)) return 'binary';
  return 'no-content-change';
}
