const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;

/**
 * Every identifier-like word of a text. Language-agnostic on purpose: it is the cheap first
 * filter ("which files could mention this symbol?") that spares parsing files that cannot.
 */
export function tokenizeIdentifiers(text: string): Set<string> {
  return new Set(text.match(IDENTIFIER) ?? []);
}
