import { createHash } from 'node:crypto';

/** Code with its whitespace normalised, blank lines dropped: indentation and reflow do not count as change. */
export function normaliseSpan(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('\n');
}

/** A short hash of normalised code, as finding markers record it. */
export function spanHash(lines: readonly string[]): string {
  return createHash('sha256').update(normaliseSpan(lines)).digest('hex').slice(0, 16);
}

/**
 * Whether a file still holds the code a finding pointed at, anywhere (code above it may have
 * moved it): any window of the file, of the same number of non-blank lines, with the same hash.
 */
export function containsSpan(text: string, hash: string, lineCount: number): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  for (let start = 0; start + lineCount <= lines.length; start += 1) {
    if (spanHash(lines.slice(start, start + lineCount)) === hash) return true;
  }
  return false;
}
