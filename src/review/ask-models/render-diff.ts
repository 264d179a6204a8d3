import { codeLinesForModel } from '../../llm/code-lines-for-model.js';
import { stripHiddenCharacters } from '../../llm/fence-untrusted.js';
import { revealHiddenCharacters } from '../../llm/reveal-hidden-characters.js';
import type { ReviewFile } from '../types.js';
import { formatLineId } from './line-id.js';

/**
 * The diff as the model sees it: one block per file, every line prefixed by its id and its diff
 * marker. Context lines carry their head (R) id; removed lines their base (L) id. Secrets are
 * redacted line by line, so ids still match the real lines, and hidden characters in the code are
 * shown as escapes (`<U+202E>`), so what the code does is what the model reads.
 */
export function renderDiff(files: readonly ReviewFile[]): string {
  return files
    .map(({ id, file }) => {
      const rename = file.previousPath ? ` previous_path="${escapeAttribute(file.previousPath)}"` : '';
      const header = `<file id="${id}" path="${escapeAttribute(file.path)}" status="${file.status}"${rename}>`;
      const hunks = file.hunks.map((hunk) => {
        const ids = hunk.lines.map((line) =>
          line.kind === 'removed'
            ? formatLineId(id, 'LEFT', line.oldLine ?? 0)
            : formatLineId(id, 'RIGHT', line.newLine ?? 0),
        );
        const width = Math.max(...ids.map((lineId) => lineId.length));
        const texts = codeLinesForModel(hunk.lines.map((line) => line.text));
        const rows = hunk.lines.map((line, index) => {
          const marker = line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' ';
          return `${(ids[index] ?? '').padEnd(width)} |${marker}${texts[index] ?? ''}`;
        });
        // git copies the section from a line of the code, so it is shown as code too.
        const section = hunk.section ? ` ${revealHiddenCharacters(hunk.section)}` : '';
        return [
          `@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@${section}`,
          ...rows,
        ].join('\n');
      });
      return [header, ...hunks, '</file>'].join('\n');
    })
    .join('\n\n');
}

function escapeAttribute(text: string): string {
  return stripHiddenCharacters(text).replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
