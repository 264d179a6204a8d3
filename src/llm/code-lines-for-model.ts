import { stripHiddenCharacters } from './fence-untrusted.js';
import { redactSecrets } from './redact-secrets.js';
import { revealHiddenCharacters } from './reveal-hidden-characters.js';

/**
 * Lines of code (a hunk, a context snippet) as the model is shown them, one for one: hidden
 * characters as visible escapes, and secrets redacted. Secrets are looked for with the hidden
 * characters removed, so none can split a token; a line where one is found is shown redacted and
 * without its hidden characters (keeping the secret out matters more than showing them).
 */
export function codeLinesForModel(lines: readonly string[]): string[] {
  const stripped = lines.map(stripHiddenCharacters);
  const redacted = redactSecrets(stripped);
  return lines.map((line, index) =>
    redacted[index] === stripped[index] ? revealHiddenCharacters(line) : (redacted[index] ?? ''),
  );
}
