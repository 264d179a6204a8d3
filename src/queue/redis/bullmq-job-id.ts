import { createHash } from 'node:crypto';

/**
 * The BullMQ job id of a job version: readable, and free of the `:` BullMQ refuses in custom ids.
 * Long keys (a path glob in a scope) are shortened with a hash so ids stay small and distinct.
 */
export function bullmqJobId(key: string, version: string): string {
  const readable = `${key}@${version}`.replaceAll(':', '|');
  if (readable.length <= 160) return readable;
  const digest = createHash('sha256').update(readable).digest('hex').slice(0, 16);
  return `${readable.slice(0, 140)}~${digest}`;
}

/**
 * A cancellation message names a job by its id (a newer version superseded it); one that
 * withdraws the job for good carries this prefix and what went away (`discard:installation:<id>`);
 * no id has a `:`.
 */
export const DISCARD_PREFIX = 'discard:';
