import type { PhrasingContent } from 'mdast';

// GitHub notifies `@name` and `@org/team` unless the `@` follows a letter, digit or `_` (an email
// address) in the same run of text. Matching more than GitHub does only puts a few harmless
// names in code.
const MENTION = /@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[\w-]+)?/g;
// A line that starts, after blanks or `>`, with `/word`: what bots (Sift's own `/review`, Prow's
// `/approve`, `/merge` elsewhere) read as a command from whoever posted the comment.
const SLASH_COMMAND = /(^|\n)([^\S\n]*(?:>[^\S\n]*)*)(\/[A-Za-z]\S*)/g;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Plain text the model wrote, made harmless to post as Sift: mentions and slash commands become
 * inline code, and HTML comment delimiters are broken so nothing can open or close a comment.
 *
 * Inline code rather than an invisible character after `@` or `/`: GitHub neither notifies nor
 * links inside code, bots match the raw text (which now starts with a backtick), the name still
 * reads as the name, and copying it copies no hidden character.
 */
export function neutralizeText(value: string, startsLine: boolean): PhrasingContent[] {
  const text = value.replace(/<!-{2,}/g, '<!-').replace(/-{2,}>/g, '->');
  const commands: Span[] = [];
  for (const match of text.matchAll(SLASH_COMMAND)) {
    const [, lineBreak = '', indent = '', command = ''] = match;
    if (lineBreak === '' && (match.index !== 0 || !startsLine)) continue;
    const start = match.index + lineBreak.length + indent.length;
    commands.push({ start, end: start + command.length });
  }
  const spans: Span[] = [];
  let next = 0;
  for (const match of text.matchAll(MENTION)) {
    const start = match.index;
    while (next < commands.length && (commands[next]?.end ?? 0) <= start)
      spans.push(commands[next++] as Span);
    if ((commands[next]?.start ?? Number.POSITIVE_INFINITY) < start + match[0].length) continue;
    // Whatever is put in code ends a run of text, so `@a@b` is two mentions once the first is code.
    const afterCode = spans.at(-1)?.end === start;
    if (!afterCode && /[A-Za-z0-9_]/.test(text[start - 1] ?? '')) continue;
    spans.push({ start, end: start + match[0].length });
  }
  spans.push(...commands.slice(next));
  const nodes: PhrasingContent[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) nodes.push({ type: 'text', value: text.slice(at, span.start) });
    nodes.push({ type: 'inlineCode', value: text.slice(span.start, span.end) });
    at = span.end;
  }
  if (at < text.length || nodes.length === 0) nodes.push({ type: 'text', value: text.slice(at) });
  return nodes;
}
