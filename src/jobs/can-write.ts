import type { Permission } from '../review/pull-request-host.js';

const WRITERS: ReadonlySet<Permission> = new Set(['admin', 'maintain', 'write']);

/** Whether someone may ask Sift for work and steer it: write, maintain or admin permission. */
export function canWrite(permission: Permission): boolean {
  return WRITERS.has(permission);
}
