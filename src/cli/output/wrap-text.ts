const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * Wraps prose to `width` columns, every line starting with `indent`. The model's own line breaks
 * are kept, a list item's continuation lines hang under its text, fenced code is left as written,
 * and a word longer than the line (a URL, a path) is not split.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null || marker !== undefined) {
      lines.push(line === '' ? '' : indent + line);
      if (fence === null) fence = marker ?? null;
      else if (marker?.startsWith(fence)) fence = null;
      continue;
    }
    lines.push(...wrapLine(line, width, indent));
  }
  return lines.join('\n');
}

function wrapLine(line: string, width: number, indent: string): string[] {
  if (line.trim() === '') return [''];
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const hanging = ' '.repeat(LIST_ITEM.exec(line)?.[0].length ?? lead.length);
  const wrapped: string[] = [];
  let current = indent + lead;
  let empty = true;
  for (const word of line.trim().split(/\s+/)) {
    if (!empty && [...current].length + 1 + [...word].length > width) {
      wrapped.push(current);
      current = indent + hanging + word;
    } else {
      current += empty ? word : ` ${word}`;
    }
    empty = false;
  }
  wrapped.push(current);
  return wrapped;
}
