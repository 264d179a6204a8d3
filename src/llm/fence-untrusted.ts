import { redactSecrets } from './redact-secrets.js';

/**
 * Characters that render as nothing or reorder text, by their Unicode properties rather than a
 * list that new versions of Unicode outgrow: every default-ignorable code point (zero-width
 * characters, joiners, soft hyphens, tag characters, variation selectors, Hangul fillers) and
 * every bidirectional control. They can hide instructions from a human reader while a model
 * still reads them.
 */
export const HIDDEN_CHARACTERS = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;

/**
 * Removes characters that are invisible to people but visible to a model, from prose (titles,
 * descriptions, commit messages). Code shows them instead: revealHiddenCharacters.
 */
export function stripHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, '');
}

/**
 * Wraps text taken from the pull request (title, body, commits, code, replies) in a tag the prompt
 * tells the model to treat as data only. Anything inside that looks like the closing tag is
 * defused, so the data cannot end its own fence and speak as the prompt. Every untrusted text
 * reaches the model through here, so secrets are redacted here too (after hidden characters are
 * gone, so none can split a token); the diff and context are redacted again before line ids are
 * added, where rules anchored at the start of a line can still see it.
 */
export function fenceUntrusted(kind: string, text: string): string {
  const visible = redactSecrets(stripHiddenCharacters(text).split('\n')).join('\n');
  const safe = visible.replace(/<(\/?)untrusted-data/gi, '<$1untrusted_data');
  return `<untrusted-data kind="${kind}">\n${safe}\n</untrusted-data>`;
}
