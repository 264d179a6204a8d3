import { tokenizeIdentifiers } from '../../context/tokenize-identifiers.js';

export interface RemovedText {
  /** Identifiers on removed lines that appear nowhere in the new version of the file. */
  readonly identifiers: readonly string[];
  /** String literals on removed lines that appear nowhere in the new version: keys, settings, names. */
  readonly literals: readonly string[];
}

// Every string is matched whole, short and empty ones too: a match that skipped them would start
// again at their closing quote and take the code up to the next string for a literal.
const LITERAL = /(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;
const LITERAL_MIN_CHARS = 3;
const LITERAL_MAX_CHARS = 80;
const MAX_ITEMS = 12;
// Keywords and built-in type names of the languages Sift parses (four letters or more; shorter
// names are skipped anyway). A change that deletes a file, or the last `async` of one, removes
// them, but no other code depends on a keyword.
const KEYWORDS: ReadonlySet<string> = new Set(
  `abstract async await bigint bool boolean break catch char chan class const constexpr constructor
  continue crate debugger declare defer double elif else elseif elsif endif enum except explicit export
  exports extends extern false finally float foreach from func function goto ifdef ifndef impl
  implements import include_once inline instanceof int16 int32 int64 interface keyof mutable namespace
  never noexcept nonlocal null nullptr number object override package pragma private protected public
  readonly require require_once require_relative return satisfies self sizeof static string struct
  super switch synchronized this throw throws trait true type typedef typename typeof uint16 uint32 uint64
  undefined unless unsafe unsigned virtual void volatile where while with yield
  False None True Self String Object Integer Boolean Promise`.split(/\s+/),
);

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
      if (name.length >= 4 && !KEYWORDS.has(name) && !remaining.has(name)) identifiers.add(name);
    }
    for (const match of line.matchAll(LITERAL)) {
      const literal = match[2] ?? '';
      if (literal.length < LITERAL_MIN_CHARS || literal.length > LITERAL_MAX_CHARS) continue;
      if (/[A-Za-z]/.test(literal) && !headText.includes(literal)) literals.add(literal);
    }
  }
  return { identifiers: [...identifiers].slice(0, MAX_ITEMS), literals: [...literals].slice(0, MAX_ITEMS) };
}
