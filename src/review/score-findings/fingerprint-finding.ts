import { createHash } from 'node:crypto';
import type { LocatedFinding } from '../types.js';

/**
 * A finding's identity across pushes: its category, file and the code it points at with
 * whitespace normalised. Line numbers are left out on purpose — code above it moving must not
 * make an old finding look new.
 */
export function fingerprintFinding(finding: Pick<LocatedFinding, 'category' | 'path' | 'code'>): string {
  const span = finding.code
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('\n');
  return createHash('sha256')
    .update(`${finding.category}\0${finding.path}\0${span}`)
    .digest('hex')
    .slice(0, 16);
}
