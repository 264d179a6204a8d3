import { REDACTED } from './redact-secrets.js';

// A credential shorter than this is a word or a weak default (`development`, `not-needed`):
// withholding it would blank the same word wherever a pull request happens to use it.
const MIN_CREDENTIAL_CHARS = 12;
// A multi-line credential (the app's PEM key) is also withheld line by line, since a diff shows
// it that way; a key's body lines are 64 characters.
const MIN_LINE_CHARS = 16;

/**
 * A function that replaces Sift's own credentials (the model API key, the webhook secret, the
 * app's private key) wherever they appear verbatim in a text — also as JSON escapes them, for
 * log lines. Patterns cannot know these values; the exact text can.
 */
export function createCredentialRedactor(credentials: readonly string[]): (text: string) => string {
  const pieces = new Set<string>();
  for (const credential of credentials) {
    const trimmed = credential.trim();
    if (trimmed.length < MIN_CREDENTIAL_CHARS) continue;
    pieces.add(trimmed);
    for (const line of trimmed.split(/\r?\n/)) {
      const body = line.trim();
      if (body.length >= MIN_LINE_CHARS && !body.startsWith('-----')) pieces.add(body);
    }
  }
  for (const piece of [...pieces]) pieces.add(JSON.stringify(piece).slice(1, -1));
  // Longest first, so a whole key goes before the lines it contains.
  const ordered = [...pieces].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => ordered.reduce((result, piece) => result.split(piece).join(REDACTED), text);
}
