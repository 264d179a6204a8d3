/** Which version of a file a line belongs to, in GitHub's vocabulary for review comments. */
export type Side = 'LEFT' | 'RIGHT';

export type DiffLineKind = 'added' | 'removed' | 'context';

export interface DiffLine {
  readonly kind: DiffLineKind;
  /** Line number in the base version; null for added lines. */
  readonly oldLine: number | null;
  /** Line number in the head version; null for removed lines. */
  readonly newLine: number | null;
  readonly text: string;
}

export interface Hunk {
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  /** The text after the second `@@`, usually the enclosing function as git guessed it. */
  readonly section: string;
  readonly lines: readonly DiffLine[];
}

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/**
 * Why a changed file has no hunks. GitHub leaves `patch` out for binary files, for renames
 * without edits and for diffs it considers too large; git says "Binary files … differ".
 */
export type PatchState = 'present' | 'binary' | 'too-large' | 'no-content-change' | 'unparseable';

export interface DiffFile {
  readonly path: string;
  /** The path in the base version when the file was renamed or copied. */
  readonly previousPath: string | null;
  readonly status: FileStatus;
  readonly patchState: PatchState;
  readonly hunks: readonly Hunk[];
  readonly additions: number;
  readonly deletions: number;
}
