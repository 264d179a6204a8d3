import type { PlantedInstruction, UntrustedText } from './find-planted-instructions.js';

const WORD = /[\p{L}\p{N}]+/gu;
const REDACTED = '…';

/**
 * The words only a planted instruction holds, and that no honest claim would use: 4 characters or
 * more with a digit (`7731`) or in capitals (`PWNED`), found nowhere else in what was reviewed. A
 * model made to echo the instruction's payload writes them; a finding about the code does not.
 * Ordinary words are not taken: an attacker could otherwise plant "null" or "race" and strip a
 * real finding of its claim.
 */
export interface PlantedWords {
  readonly size: number;
  /** Whether the text holds any planted word. */
  holds(text: string): boolean;
  /** The text with each planted word replaced by `…`. */
  redact(text: string): string;
  /** Where the planted words the text holds were planted ("the title", …). */
  sourcesIn(text: string): string[];
}

export function plantedWordsOf(
  instructions: readonly PlantedInstruction[],
  everythingElse: readonly UntrustedText[],
): PlantedWords {
  const elsewhere = new Set<string>();
  for (const source of everythingElse) {
    for (const word of wordsOf(withoutInstructions(source.text, instructions))) elsewhere.add(word);
  }
  // Each planted word, with where it was planted.
  const planted = new Map<string, Set<string>>();
  for (const instruction of instructions) {
    for (const word of wordsOf(instruction.text)) {
      if (!distinctive(word) || elsewhere.has(word)) continue;
      planted.set(word, (planted.get(word) ?? new Set()).add(instruction.where));
    }
  }
  const isPlanted = (word: string) => planted.has(word);
  return {
    size: planted.size,
    holds: (text) => wordsOf(text).some(isPlanted),
    redact: (text) =>
      planted.size === 0 ? text : text.replace(WORD, (word) => (isPlanted(word) ? REDACTED : word)),
    sourcesIn: (text) => [...new Set(wordsOf(text).flatMap((word) => [...(planted.get(word) ?? [])]))],
  };
}

function distinctive(word: string): boolean {
  if (word.length < 4) return false;
  return /\p{N}/u.test(word) || (/\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word));
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

function withoutInstructions(text: string, instructions: readonly PlantedInstruction[]): string {
  return instructions.reduce((rest, instruction) => rest.split(instruction.text).join('\n'), text);
}
