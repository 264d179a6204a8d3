import pino from 'pino';
import type { Output } from '../cli/cli-deps.js';
import { createCredentialRedactor } from '../llm/create-credential-redactor.js';
import { redactSecrets } from '../llm/redact-secrets.js';
import { TOKEN_SECRET_RULES } from '../llm/token-secret-rules.js';
import type { Logger } from '../logger.js';

interface LogEntry {
  readonly level: number;
  readonly msg?: string;
  readonly err?: { readonly message?: string };
}

/**
 * The Action's logger: pino, written as a workflow log reads — warnings and errors as
 * annotations (`::warning::`, `::error::`), debug lines only when the run has debug logging on
 * (`::debug::`). No line shows a credential (the model key, the token, any token whose shape
 * gives it away), and no line can start a workflow command of its own: text from a pull request
 * (a path, an error quoting it) is escaped, so a `::set-output` in a file name stays text.
 */
export function createActionLogger(
  out: Output,
  options: { readonly debug: boolean; readonly credentials: readonly string[] },
): Logger {
  const withholdCredentials = createCredentialRedactor(options.credentials);
  const destination = {
    write(line: string) {
      const entry = JSON.parse(line) as LogEntry;
      const message = [entry.msg, entry.err?.message].filter(Boolean).join(': ');
      const safe = redactSecrets([withholdCredentials(message)], TOKEN_SECRET_RULES).join('');
      out.write(`${workflowLine(entry.level, safe)}\n`);
    },
  };
  return pino({ level: options.debug ? 'debug' : 'info', base: null, timestamp: false }, destination);
}

/** pino's levels: 20 debug, 30 info, 40 warn, 50 error. */
function workflowLine(level: number, message: string): string {
  if (level >= 50) return `::error::${escapeCommandData(message)}`;
  if (level >= 40) return `::warning::${escapeCommandData(message)}`;
  if (level < 30) return `::debug::${escapeCommandData(message)}`;
  return `sift: ${message.replace(/\r?\n/g, ' ')}`;
}

/** A workflow command's data ends at the line's end; GitHub's runner decodes these three escapes. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
