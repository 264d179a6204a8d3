import type { ReviewFile, SkippedFile } from '../types.js';
import { fileRisk } from './file-risk.js';

/** The most of a pull request one review covers (a plan's limits); a limit left out is no limit. */
export interface SizeLimit {
  readonly maxFiles?: number | undefined;
  readonly maxChangedLines?: number | undefined;
}

export interface SizeFit {
  readonly files: readonly ReviewFile[];
  readonly skipped: readonly SkippedFile[];
}

export const BEYOND_SIZE_LIMIT =
  'left out: the pull request is larger than its plan reviews (riskier files first)';

/**
 * Keeps the riskiest files of a pull request that fit the size limit: files are taken in order
 * of fileRisk, each kept while the count and the changed lines (added and removed) stay within
 * the limit; a file too large to fit is passed over for smaller ones behind it. Files keep their
 * ids and path order; what is left out is named for the check run.
 */
export function fitSizeLimit(files: readonly ReviewFile[], limit: SizeLimit | undefined): SizeFit {
  const maxFiles = limit?.maxFiles ?? Number.POSITIVE_INFINITY;
  const maxLines = limit?.maxChangedLines ?? Number.POSITIVE_INFINITY;
  const linesOf = (file: ReviewFile) => file.file.additions + file.file.deletions;
  if (files.length <= maxFiles && files.reduce((sum, file) => sum + linesOf(file), 0) <= maxLines)
    return { files, skipped: [] };
  const byRisk = [...files].sort(
    (a, b) => fileRisk(b.file) - fileRisk(a.file) || (a.file.path < b.file.path ? -1 : 1),
  );
  const kept = new Set<ReviewFile>();
  let lines = 0;
  for (const file of byRisk) {
    if (kept.size >= maxFiles) break;
    if (lines + linesOf(file) > maxLines) continue;
    kept.add(file);
    lines += linesOf(file);
  }
  return {
    files: files.filter((file) => kept.has(file)),
    skipped: files
      .filter((file) => !kept.has(file))
      .map((file) => ({ path: file.file.path, reason: BEYOND_SIZE_LIMIT })),
  };
}
