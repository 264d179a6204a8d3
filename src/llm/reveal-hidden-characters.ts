import { HIDDEN_CHARACTERS } from './fence-untrusted.js';

// An emoji's own joiner and presentation selectors, which render as part of the emoji.
const ZERO_WIDTH_JOINER = '\u200D';
const EMOJI_PRESENTATION = /^[\uFE0E\uFE0F]$/;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const EMOJI_PART = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;

/**
 * Shows each hidden character of code as a visible escape (`<U+202E>`) where it sits. In code they
 * change what it does, not only how it looks: bidirectional controls reorder how a line reads
 * (Trojan Source, CVE-2021-42574), and zero-width characters, joiners and fillers make two
 * identifiers or strings that differ look the same (CVE-2021-42694). Removed, the reviewer would
 * read the harmless version; escaped, it sees what is there and can say so. The joiners and
 * presentation selectors inside an emoji are left as they are, since they render with it.
 * Prose (titles, descriptions) is stripped instead, by stripHiddenCharacters.
 */
export function revealHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, (char: string, offset: number) =>
    partOfEmoji(char, text, offset)
      ? char
      : `<U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

function partOfEmoji(char: string, text: string, offset: number): boolean {
  const before = codePointBefore(text, offset);
  if (EMOJI_PRESENTATION.test(char)) return PICTOGRAPH.test(before);
  if (char !== ZERO_WIDTH_JOINER) return false;
  const after = String.fromCodePoint(text.codePointAt(offset + 1) ?? 0);
  return EMOJI_PART.test(before) && PICTOGRAPH.test(after);
}

function codePointBefore(text: string, offset: number): string {
  const last = text.charCodeAt(offset - 1);
  const pair = last >= 0xdc00 && last <= 0xdfff && offset >= 2;
  return String.fromCodePoint(text.codePointAt(offset - (pair ? 2 : 1)) ?? 0);
}
