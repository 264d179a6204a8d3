import { tokenizeIdentifiers } from '../../context/tokenize-identifiers.js';

export interface RemovedText {
  /** Identifiers on removed lines that appear nowhere in the new version of the file. */
  readonly identifiers: readonly string[];
  /** String literals on removed lines that appear nowhere in the new version: keys, settings, names. */
  readonly literals: readonly string[];
}

const LITERAL = /(["'`])((?:(?!\1)[^\\\n]|\\.){3,80})\1/g;
const MAX_ITEMS = 12;

/**
 * Names and strings a change takes away from a file. Code elsewhere that still says them — a
 * removed map key read by a template, a renamed setting still looked up — breaks, and no symbol
 * table will tell, so these are searched as text.
 */
export function removedText(removedLines: readonly string[], headText: string): RemovedText {
  const remaining = tokenizeIdentifiers(headText);
  const identifiers = new Set<string>();
  const literals = new Set<string>();
  for (const line of removedLines) {
    for (const name of tokenizeIdentifiers(line)) {
      // Short names are too common to search for usefully.
      if (name.length >= 4 && !remaining.has(name)) identifiers.add(name);
    }
    for (const match of line.matchAll(LITERAL)) {
      const literal = match[2] ?? '';
      if (/[A-Za-z]/.test(literal) && !headText.includes(literal)) literals.add(literal);
    }
  }
  return { identifiers: [...identifiers].slice(0, MAX_ITEMS), literals: [...literals].slice(0, MAX_ITEMS) };
}
