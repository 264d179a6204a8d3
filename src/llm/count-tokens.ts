import { countTokens as countWithTokenizer } from 'gpt-tokenizer';

// By default gpt-tokenizer throws on text that spells a special token (`<|endoftext|>`,
// `<|im_start|>`). In a pull request such strings are data — tokenizer code, chat templates, a
// hostile description — sent to the model as text, so they are counted as text: none is
// disallowed, and none is allowed to become a special token either.
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** The number of tokens the model will read for `text`, counting any special-token spelling as plain text. */
export function countTokens(text: string): number {
  return countWithTokenizer(text, AS_PLAIN_TEXT);
}
