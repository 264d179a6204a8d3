import { spanHash } from '../score-findings/span-hash.js';
import type { Finding, FindingMarker } from '../types.js';

/**
 * What a posted finding carries to be known again on a later push: its fingerprint, and a hash of
 * the code it pointed at (to tell when that code changed and the thread can be resolved as fixed).
 */
export function findingMarkerOf(finding: Finding): FindingMarker {
  return {
    fingerprint: finding.fingerprint,
    span: spanHash(finding.code),
    lines: Math.max(1, finding.code.filter((line) => line.trim() !== '').length),
    category: finding.category,
    severity: finding.severity,
    side: finding.side,
  };
}
