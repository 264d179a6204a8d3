import type { Finding, Severity } from '../types.js';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

/** The posting order of findings: most confident first, then the more severe, then by file and line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    b.confidence - a.confidence ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.path.localeCompare(b.path) ||
    a.startLine - b.startLine
  );
}
