const REDACTED = '[redacted secret]';

/** Tokens with a recognisable shape, from the providers' own documentation of their formats. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{50,}\b/g,
  /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}\b/g, // OpenAI keys
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, // Slack tokens
  /\bAIza[0-9A-Za-z_-]{35}\b/g, // Google API keys
  /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}\b/g, // Stripe secret keys
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, // JWTs
];

/** `password = "…"`, `api_key: '…'`, `"clientSecret": "…"` with a literal long enough to be real. */
const ASSIGNED_SECRET =
  /((?:password|passwd|secret|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?token|client[_-]?secret)["']?\s*[:=]\s*["'])([^"'\s]{8,})(["'])/gi;

/**
 * Replaces secrets in lines of code before they are sent to a model. Works line by line and never
 * adds or removes a line, so the line numbers findings point at stay true. `inPrivateKey` carries
 * a PEM block across lines.
 */
export function redactSecrets(lines: readonly string[]): string[] {
  let inPrivateKey = false;
  return lines.map((line) => {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(line)) {
      inPrivateKey = !/-----END [A-Z ]*PRIVATE KEY-----/.test(line);
      return line.replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----.*/, REDACTED);
    }
    if (inPrivateKey) {
      if (/-----END [A-Z ]*PRIVATE KEY-----/.test(line)) inPrivateKey = false;
      return REDACTED;
    }
    let result = line;
    for (const pattern of TOKEN_PATTERNS) result = result.replace(pattern, REDACTED);
    return result.replace(ASSIGNED_SECRET, `$1${REDACTED}$3`);
  });
}
