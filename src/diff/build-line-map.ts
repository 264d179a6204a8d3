import type { DiffFile, Side } from './types.js';

/**
 * The lines of one file that GitHub accepts a review comment on, each mapped to the hunk it sits
 * in. RIGHT holds added and context lines by head line number, LEFT removed and context lines by
 * base line number (GitHub docs, "Create a review comment for a pull request": `line` and `side`).
 */
export interface LineMap {
  readonly right: ReadonlyMap<number, number>;
  readonly left: ReadonlyMap<number, number>;
}

export function buildLineMap(file: DiffFile): LineMap {
  const right = new Map<number, number>();
  const left = new Map<number, number>();
  file.hunks.forEach((hunk, hunkIndex) => {
    for (const line of hunk.lines) {
      if (line.newLine !== null) right.set(line.newLine, hunkIndex);
      if (line.oldLine !== null) left.set(line.oldLine, hunkIndex);
    }
  });
  return { right, left };
}

/** The hunk a line is commentable in, or undefined when GitHub would reject a comment there. */
export function hunkOfLine(map: LineMap, side: Side, line: number): number | undefined {
  return (side === 'RIGHT' ? map.right : map.left).get(line);
}
