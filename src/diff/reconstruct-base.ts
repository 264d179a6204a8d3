import type { DiffFile } from './types.js';

/**
 * The base version of a file, rebuilt from its head version and its patch: lines outside the
 * hunks are unchanged, and inside them the patch holds the old lines. This spares a second
 * download of the repository at the base commit. Null when the patch does not fit the head text
 * (a stale or partial patch), so callers never work from a wrong reconstruction.
 */
export function reconstructBase(headText: string, file: DiffFile): string | null {
  if (file.status === 'added') return '';
  if (file.status === 'removed') {
    const lines = file.hunks.flatMap((hunk) =>
      hunk.lines.filter((line) => line.kind === 'removed').map((line) => line.text),
    );
    // Text files end with a newline; the diff model drops git's "\ No newline" marker for the rest.
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }
  const head = headText.split('\n');
  const base: string[] = [];
  let next = 1; // next head line to copy
  for (const hunk of file.hunks) {
    const firstNew = hunk.newCount === 0 ? hunk.newStart + 1 : hunk.newStart;
    while (next < firstNew) base.push(head[next++ - 1] ?? '');
    for (const line of hunk.lines) {
      if (line.kind === 'added' || line.kind === 'context') {
        if (head[(line.newLine ?? 0) - 1] !== line.text) return null;
        next = (line.newLine ?? next) + 1;
      }
      if (line.kind === 'removed' || line.kind === 'context') base.push(line.text);
    }
  }
  while (next <= head.length) base.push(head[next++ - 1] ?? '');
  return base.join('\n');
}
