/**
 * Characters that render as nothing or reorder text (zero-width, bidirectional controls, tag
 * characters). They can hide instructions from a human reader while a model still reads them.
 */
const HIDDEN_CHARACTERS =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

/** Removes characters that are invisible to people but visible to a model. */
export function stripHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, '');
}

/**
 * Wraps text taken from the pull request (title, body, commits, code) in a tag the prompt tells
 * the model to treat as data only. Anything inside that looks like the closing tag is defused, so
 * the data cannot end its own fence and speak as the prompt.
 */
export function fenceUntrusted(kind: string, text: string): string {
  const safe = stripHiddenCharacters(text).replace(/<(\/?)untrusted-data/gi, '<$1untrusted_data');
  return `<untrusted-data kind="${kind}">\n${safe}\n</untrusted-data>`;
}
