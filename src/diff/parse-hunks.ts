import { MalformedDiffError } from '../errors.js';
import type { DiffLine, Hunk } from './types.js';

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Parses the hunks of one file's patch, as GitHub returns it in `patch` or as git prints it after
 * the `+++` line. Line numbers are counted from the hunk headers, and each hunk must hold exactly
 * the number of lines its header announces, so a truncated or edited patch is caught here instead
 * of becoming a comment on the wrong line.
 */
export function parseHunks(patch: string, path: string): Hunk[] {
  const hunks: Hunk[] = [];
  const rows = patch.split('\n');
  // A patch that ends with a newline yields one empty trailing row that is not a diff line.
  if (rows.at(-1) === '') rows.pop();

  let index = 0;
  while (index < rows.length) {
    const header = rows[index] ?? '';
    const match = HUNK_HEADER.exec(header);
    if (!match) {
      throw new MalformedDiffError(
        path,
        `expected a hunk header at patch line ${index + 1}, found ${JSON.stringify(header.slice(0, 80))}`,
      );
    }
    const oldStart = Number(match[1]);
    const oldCount = match[2] === undefined ? 1 : Number(match[2]);
    const newStart = Number(match[3]);
    const newCount = match[4] === undefined ? 1 : Number(match[4]);
    const lines: DiffLine[] = [];
    let oldLine = oldStart;
    let newLine = newStart;
    let oldSeen = 0;
    let newSeen = 0;
    index += 1;
    while (
      index < rows.length &&
      (oldSeen < oldCount || newSeen < newCount || rows[index]?.startsWith('\\'))
    ) {
      const row = rows[index] ?? '';
      index += 1;
      const marker = row[0];
      const text = row.slice(1);
      if (marker === '\\') continue; // "\ No newline at end of file" describes the line before it.
      if (marker === '+') {
        lines.push({ kind: 'added', oldLine: null, newLine, text });
        newLine += 1;
        newSeen += 1;
      } else if (marker === '-') {
        lines.push({ kind: 'removed', oldLine, newLine: null, text });
        oldLine += 1;
        oldSeen += 1;
      } else if (marker === ' ' || row === '') {
        // Some tools strip the single space of an empty context line; it is still a context line.
        lines.push({ kind: 'context', oldLine, newLine, text });
        oldLine += 1;
        newLine += 1;
        oldSeen += 1;
        newSeen += 1;
      } else {
        throw new MalformedDiffError(
          path,
          `unexpected line ${JSON.stringify(row.slice(0, 80))} inside hunk ${header}`,
        );
      }
    }
    if (oldSeen !== oldCount || newSeen !== newCount) {
      throw new MalformedDiffError(
        path,
        `hunk ${header} announces -${oldCount} +${newCount} lines but holds -${oldSeen} +${newSeen}`,
      );
    }
    hunks.push({ oldStart, oldCount, newStart, newCount, section: match[5] ?? '', lines });
  }
  return hunks;
}
