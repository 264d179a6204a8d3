import { isMap, LineCounter, parseDocument } from 'yaml';

/**
 * The 1-based line of a dotted key in a YAML text, or of its closest existing parent, so that a
 * configuration problem can be reported with the line to fix. Null when the text does not parse.
 */
export function locateYamlKey(text: string, dottedKey: string): number | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) return null;
  let node: unknown = document.contents;
  let line: number | null = null;
  for (const segment of dottedKey.split('.').filter(Boolean)) {
    if (!isMap(node)) break;
    const pair = node.items.find(
      (item) => String((item.key as { value?: unknown } | null)?.value) === segment,
    );
    if (!pair) break;
    const range = (pair.key as { range?: [number, number, number] } | null)?.range;
    if (range) line = lineCounter.linePos(range[0]).line;
    node = pair.value;
  }
  return line;
}
