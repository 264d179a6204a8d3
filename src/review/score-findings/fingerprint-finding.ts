import { createHash } from 'node:crypto';
import type { LocatedFinding } from '../types.js';
import { normaliseSpan } from './span-hash.js';

/**
 * A finding's identity across pushes: its category, the symbol it sits in (or its file, outside
 * any symbol) and the code it points at with whitespace normalised. Line numbers are left out on
 * purpose — code above it moving must not make an old finding look new — and so is the file when
 * a symbol is known, so a renamed file does not either.
 */
export function fingerprintFinding(
  finding: Pick<LocatedFinding, 'category' | 'path' | 'code' | 'symbol'>,
): string {
  return createHash('sha256')
    .update(`${finding.category}\0${finding.symbol ?? finding.path}\0${normaliseSpan(finding.code)}`)
    .digest('hex')
    .slice(0, 16);
}
