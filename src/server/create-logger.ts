import { getTransformStream } from '@probot/pino';
import pino from 'pino';
import type { LogSettings } from '../config/load-server-env.js';
import { createCredentialRedactor } from '../llm/create-credential-redactor.js';
import { redactSecrets } from '../llm/redact-secrets.js';
import { TOKEN_SECRET_RULES } from '../llm/token-secret-rules.js';
import type { Logger } from '../logger.js';

/**
 * Fields that carry credentials when an object is logged: request headers (Probot's and
 * octokit's errors carry the request), and Sift's own settings should one ever be logged whole.
 */
const SECRET_FIELDS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'request.headers.authorization',
  '*.headers.authorization',
  '*.request.headers.authorization',
  'apiKey',
  '*.apiKey',
  'privateKey',
  '*.privateKey',
  'webhookSecret',
  '*.webhookSecret',
  'token',
  '*.token',
];

export interface LoggerOptions {
  /** Sift's own credentials: cut from every line written, wherever they appear. */
  readonly credentials?: readonly string[];
  /** Where lines go: standard output unless a test reads them. */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * The server's logger: Probot's format (pretty for people, JSON for machines) on standard output.
 * No line shows a credential: known fields are censored, Sift's own credentials are cut wherever
 * they appear (an error message quoting a URL, a logged payload), and so is any token whose shape
 * gives it away (`ghs_…` installation tokens above all).
 */
export async function createLogger(settings: LogSettings, options: LoggerOptions = {}): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat: settings.format,
    logLevelInString: settings.levelInString,
  });
  transform.pipe(options.destination ?? (pino.destination(1) as unknown as NodeJS.WritableStream));
  const withholdCredentials = createCredentialRedactor(options.credentials ?? []);
  return pino(
    {
      level: settings.level,
      name: 'sift',
      messageKey: settings.messageKey,
      redact: { paths: SECRET_FIELDS, censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => redactSecrets([withholdCredentials(line)], TOKEN_SECRET_RULES)[0] ?? line,
      },
    },
    transform,
  );
}
