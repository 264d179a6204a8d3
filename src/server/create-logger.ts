import { getTransformStream } from '@probot/pino';
import pino from 'pino';
import type { LogSettings } from '../config/load-server-env.js';
import type { Logger } from '../logger.js';

/** The server's logger: Probot's format (pretty for people, JSON for machines) on standard output. */
export async function createLogger(settings: LogSettings): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat: settings.format,
    logLevelInString: settings.levelInString,
  });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino({ level: settings.level, name: 'sift', messageKey: settings.messageKey }, transform);
}
