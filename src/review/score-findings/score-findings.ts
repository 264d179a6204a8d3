import type { RepoConfig } from '../../config/repo-config-schema.js';
import type { FilterReason, Finding, LocatedFinding, Severity } from '../types.js';
import { fingerprintFinding } from './fingerprint-finding.js';

export interface ScoreResult {
  /** Findings to post, most important first. */
  readonly kept: readonly Finding[];
  readonly filtered: Readonly<Partial<Record<FilterReason, number>>>;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

/**
 * Stage 6: keeps the enabled categories, folds findings that point at the same problem into one,
 * ranks by severity and keeps at most `maxComments`. Everything held back is counted by reason.
 */
export function scoreFindings(
  findings: readonly LocatedFinding[],
  config: Pick<RepoConfig, 'categories' | 'maxComments'>,
): ScoreResult {
  const filtered: Partial<Record<FilterReason, number>> = {};
  const count = (reason: FilterReason, n = 1) => {
    if (n > 0) filtered[reason] = (filtered[reason] ?? 0) + n;
  };
  const enabled = new Set(config.categories);
  const byFingerprint = new Map<string, Finding>();
  for (const finding of findings) {
    if (!enabled.has(finding.category)) {
      count('category-off');
      continue;
    }
    const fingerprint = fingerprintFinding(finding);
    const existing = byFingerprint.get(fingerprint);
    if (existing) count('duplicate');
    if (!existing || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[existing.severity]) {
      byFingerprint.set(fingerprint, { ...finding, fingerprint });
    }
  }
  const ranked = [...byFingerprint.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.path.localeCompare(b.path) ||
      a.startLine - b.startLine,
  );
  count('over-max-comments', ranked.length - config.maxComments);
  return { kept: ranked.slice(0, config.maxComments), filtered };
}
