import type { RepoConfig } from '../../config/repo-config-schema.js';
import type { Candidate, CandidateOutcome, FilterReason, Finding } from '../types.js';
import type { Cluster } from '../verify-findings/cluster-findings.js';
import type { Verification } from '../verify-findings/verify-clusters.js';
import type { AlreadySaid } from './already-said.js';
import { compareFindings } from './compare-findings.js';
import { computeConfidence } from './compute-confidence.js';
import { fingerprintFinding } from './fingerprint-finding.js';

export interface ScoreResult {
  /** Findings to post, most confident first. */
  readonly kept: readonly Finding[];
  /** Every cluster with its score and fate, posted or not. */
  readonly candidates: readonly Candidate[];
  readonly filtered: Readonly<Partial<Record<FilterReason, number>>>;
}

/**
 * Whether a cluster could be posted were the verifier to confirm it: its category is enabled and
 * its best possible confidence clears the threshold. Only such clusters are worth a verifier call;
 * the others are scored unverified.
 */
export function couldBePosted(
  cluster: Cluster,
  config: Pick<RepoConfig, 'categories' | 'threshold'>,
  passes: number,
): boolean {
  return (
    config.categories.includes(cluster.representative.category) &&
    computeConfidence({
      votes: cluster.passes.length,
      passes,
      verdict: 'confirmed',
      severity: cluster.representative.severity,
    }) >= config.threshold
  );
}

/**
 * Stage 6: gives every cluster its computed confidence and decides its fate — a category the
 * repository does not enable, a verifier rejection, a confidence under the threshold, the same
 * problem as a finding already raised on this pull request, the same fingerprint as one kept in this
 * review — then keeps
 * the most confident up to `maxComments`. Raising the threshold can only remove findings.
 */
export function scoreFindings(
  clusters: readonly Cluster[],
  verifications: ReadonlyMap<string, Verification>,
  config: Pick<RepoConfig, 'categories' | 'maxComments' | 'threshold'>,
  context: { passes: number; alreadySaid?: AlreadySaid | undefined },
): ScoreResult {
  const enabled = new Set(config.categories);
  const scored = clusters.map((cluster) => {
    const verification = verifications.get(cluster.id) ?? {
      verdict: 'unverified' as const,
      reason: 'not verified: it could not reach the threshold even if confirmed',
      evidence: [],
    };
    const base = cluster.representative;
    const finding: Finding = {
      ...base,
      evidence: [...new Set([...base.evidence, ...verification.evidence])],
      fingerprint: fingerprintFinding(base),
      votes: cluster.passes.length,
      verdict: verification.verdict,
      confidence: computeConfidence({
        votes: cluster.passes.length,
        passes: context.passes,
        verdict: verification.verdict,
        severity: base.severity,
      }),
    };
    return { finding, passes: cluster.passes, verifierReason: verification.reason, claim: cluster.claim };
  });
  const ranked = [...scored].sort((a, b) => compareFindings(a.finding, b.finding));
  const kept: Finding[] = [];
  const seen = new Set<string>();
  const candidates: Candidate[] = ranked.map((entry) => {
    const { finding, claim, ...rest } = entry;
    let outcome: CandidateOutcome;
    if (!enabled.has(finding.category)) outcome = 'category-off';
    else if (finding.verdict === 'rejected') outcome = 'rejected-by-verifier';
    else if (finding.confidence < config.threshold) outcome = 'below-threshold';
    else if (context.alreadySaid?.(finding, claim)) outcome = 'already-posted';
    else if (seen.has(finding.fingerprint)) outcome = 'duplicate';
    else if (kept.length >= config.maxComments) outcome = 'over-max-comments';
    else outcome = 'posted';
    seen.add(finding.fingerprint);
    if (outcome === 'posted') kept.push(finding);
    return { ...rest, finding, outcome };
  });
  const filtered: Partial<Record<FilterReason, number>> = {};
  for (const candidate of candidates) {
    if (candidate.outcome !== 'posted') filtered[candidate.outcome] = (filtered[candidate.outcome] ?? 0) + 1;
  }
  return { kept, candidates, filtered };
}
