import type { RepoConfig } from '../../config/repo-config-schema.js';
import type { DiffFile } from '../../diff/types.js';
import { compareText } from '../compare-text.js';
import type { ReviewFile, SkippedFile } from '../types.js';
import { classifyPath } from './classify-path.js';
import { compileGlobs } from './compile-globs.js';

export interface FileSelection {
  readonly selected: readonly ReviewFile[];
  readonly skipped: readonly SkippedFile[];
}

const PATCH_STATE_REASONS = {
  binary: 'binary file',
  'too-large': 'GitHub did not provide the diff because it is too large',
  'no-content-change': 'no changed lines (rename, mode change or empty file)',
  unparseable: 'the diff GitHub returned could not be parsed',
} as const;

/**
 * Stage 2: keeps the files worth reviewing and says why each other file was left out. Files get
 * ids (F1, F2, …) in path order, so a file's id does not depend on the order files are shown in.
 */
export function selectFiles(files: readonly DiffFile[], config: Pick<RepoConfig, 'paths'>): FileSelection {
  const ignored = compileGlobs(config.paths.ignore);
  const selected: DiffFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) {
    const reason =
      file.patchState === 'present'
        ? ignored(file.path)
          ? 'matches paths.ignore in .github/sift.yml'
          : classifyPath(file)
        : PATCH_STATE_REASONS[file.patchState];
    if (reason) skipped.push({ path: file.path, reason });
    else selected.push(file);
  }
  return { selected: selected.map((file, index) => ({ id: `F${index + 1}`, file })), skipped };
}
