import { MAX_CONTEXT_FILE_BYTES } from '../repository/repository-reader.js';

/**
 * Texts over this many bytes (UTF-8) are not parsed: tree-sitter's time and WebAssembly memory
 * grow with the file, and a source file this large is almost always generated, minified or data.
 * It is the snapshot's own cap, so a base version rebuilt from a patch, a file a thread points
 * at or a suggestion applied to a file cannot be larger than the files the snapshot lists.
 */
export const MAX_PARSED_BYTES = MAX_CONTEXT_FILE_BYTES;

/** Whether a text is over MAX_PARSED_BYTES, without encoding the ones that clearly are not. */
export function tooLargeToParse(text: string): boolean {
  // UTF-8 spends one to three bytes on each UTF-16 unit (four on a surrogate pair).
  if (text.length > MAX_PARSED_BYTES) return true;
  if (text.length * 3 <= MAX_PARSED_BYTES) return false;
  return Buffer.byteLength(text, 'utf8') > MAX_PARSED_BYTES;
}
