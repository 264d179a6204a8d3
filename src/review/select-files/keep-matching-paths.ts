import type { DiffFile } from '../../diff/types.js';
import { compileGlobs } from './compile-globs.js';
import type { ScopedFiles } from './keep-new-changes.js';

/**
 * `/review <glob>`: only the files matching the glob; the others are named as left out. A pattern
 * without a slash matches file names anywhere (`*.py`), as in .gitignore; one ending in `/` a folder.
 */
export function keepMatchingPaths(pullFiles: readonly DiffFile[], glob: string): ScopedFiles {
  const matches = compileGlobs([glob]);
  const files = pullFiles.filter(
    (file) => matches(file.path) || (file.previousPath !== null && matches(file.previousPath)),
  );
  const kept = new Set(files);
  const skipped = pullFiles
    .filter((file) => !kept.has(file))
    .map((file) => ({ path: file.path, reason: `not matched by \`/review ${glob}\`` }));
  return { files, skipped };
}
