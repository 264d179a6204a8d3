import type { DiffFile } from '../../diff/types.js';

export interface ChangedLines {
  /** Head line numbers of added lines. */
  readonly added: ReadonlySet<number>;
  /** Base line numbers of removed lines. */
  readonly removed: ReadonlySet<number>;
  /** Head line numbers shown in the diff (added and context): the model already sees these. */
  readonly shown: ReadonlySet<number>;
  readonly addedText: readonly string[];
  readonly removedText: readonly string[];
}

export function changedLinesOf(file: DiffFile): ChangedLines {
  const added = new Set<number>();
  const removed = new Set<number>();
  const shown = new Set<number>();
  const addedText: string[] = [];
  const removedText: string[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.newLine !== null) shown.add(line.newLine);
      if (line.kind === 'added' && line.newLine !== null) {
        added.add(line.newLine);
        addedText.push(line.text);
      }
      if (line.kind === 'removed' && line.oldLine !== null) {
        removed.add(line.oldLine);
        removedText.push(line.text);
      }
    }
  }
  return { added, removed, shown, addedText, removedText };
}
