import type { DiffFile, Hunk } from '../../diff/types.js';
import type { SkippedFile } from '../types.js';

export interface ScopedFiles {
  readonly files: readonly DiffFile[];
  readonly skipped: readonly SkippedFile[];
}

/**
 * Keeps the parts of a pull request's diff that changed since `since` (the last reviewed commit):
 * a hunk of the pull request stays when one of its added lines was added or changed by the new
 * commits, or when the new commits deleted lines inside it. Changes that came in by merging the
 * base branch are not in the pull request's own diff, so they fall away here. A file whose patch
 * either side lacks is kept whole.
 */
export function keepNewChanges(
  pullFiles: readonly DiffFile[],
  newFiles: readonly DiffFile[],
  since: string,
): ScopedFiles {
  const byPath = new Map(newFiles.map((file) => [file.path, file]));
  const files: DiffFile[] = [];
  const skipped: SkippedFile[] = [];
  const unchanged = `no part of its diff changed since Sift's review of ${since.slice(0, 7)}`;
  for (const file of pullFiles) {
    const newer = byPath.get(file.path);
    if (!newer) {
      skipped.push({ path: file.path, reason: unchanged });
      continue;
    }
    if (newer.patchState !== 'present' || file.patchState !== 'present') {
      files.push(file);
      continue;
    }
    const added = new Set<number>();
    const deletedAt: number[] = [];
    for (const hunk of newer.hunks) {
      for (const line of hunk.lines)
        if (line.kind === 'added' && line.newLine !== null) added.add(line.newLine);
      if (hunk.lines.every((line) => line.kind !== 'added')) deletedAt.push(hunk.newStart);
    }
    const hunks: Hunk[] = file.hunks.filter(
      (hunk) =>
        hunk.lines.some(
          (line) => line.kind === 'added' && line.newLine !== null && added.has(line.newLine),
        ) || deletedAt.some((line) => line >= hunk.newStart - 1 && line <= hunk.newStart + hunk.newCount),
    );
    if (hunks.length === 0) skipped.push({ path: file.path, reason: unchanged });
    else files.push({ ...file, hunks });
  }
  return { files, skipped };
}
