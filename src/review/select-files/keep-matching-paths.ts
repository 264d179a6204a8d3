import type { DiffFile } from '../../diff/types.js';
import { compileGlobs } from './compile-globs.js';
import type { ScopedFiles } from './keep-new-changes.js';

/**
 * `/review <glob>`: only the files matching the glob; the others are named as left out. A pattern
 * without a slash matches file names anywhere (`*.py`), as in .gitignore; one ending in `/` a folder.
 */
export function keepMatchingPaths(pullFiles: readonly DiffFile[], glob: string): ScopedFiles {
  // A folder (`docs/`) means everything under it; picomatch alone matches only the folder itself.
  const matches = compileGlobs([glob]);
  const files = pullFiles.filter(
    (file) => matches(file.path) || (file.previousPath !== null && matches(file.previousPath)),
  );
  const skipped = pullFiles
    .filter((file) => !files.includes(file))
    .map((file) => ({ path: file.path, reason: `not matched by \`/review ${glob}\`` }));
  return { files, skipped };
}
