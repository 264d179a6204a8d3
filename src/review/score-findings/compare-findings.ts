import { SEVERITY_RANK } from '../severity-rank.js';
import type { Finding } from '../types.js';

/** The posting order of findings: most confident first, then the more severe, then by file and line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    b.confidence - a.confidence ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.path.localeCompare(b.path) ||
    a.startLine - b.startLine
  );
}
