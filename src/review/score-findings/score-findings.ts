import type { RepoConfig } from '../../config/repo-config-schema.js';
import { findingTraits } from '../learnings/finding-traits.js';
import { type ReviewLearnings, thresholdFor, weighLearnings } from '../learnings/weigh-learnings.js';
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
  learnings?: ReviewLearnings,
): boolean {
  const { category } = cluster.representative;
  return (
    config.categories.includes(category) &&
    computeConfidence({
      votes: cluster.passes.length,
      passes,
      verdict: 'confirmed',
      severity: cluster.representative.severity,
    }) >= thresholdFor(learnings, category, config.threshold)
  );
}

/**
 * Stage 6: gives every cluster its computed confidence and decides its fate — a category the
 * repository does not enable, a verifier rejection, a confidence under the threshold, the same
 * problem as a finding already raised on this pull request, a resemblance to findings the team
 * dismissed on earlier ones, the same fingerprint as one kept in this review — then keeps the
 * most confident up to `maxComments`. Raising the threshold can only remove findings.
 *
 * With learnings, each category's threshold is its calibrated one, and a finding is weighed
 * against the judged findings it resembles (weighLearnings): held back, or its confidence lowered.
 * When that is what keeps it from being posted, its fate says so (`similar-to-dismissed`).
 */
export function scoreFindings(
  clusters: readonly Cluster[],
  verifications: ReadonlyMap<string, Verification>,
  config: Pick<RepoConfig, 'categories' | 'maxComments' | 'threshold'>,
  context: { passes: number; alreadySaid?: AlreadySaid | undefined; learnings?: ReviewLearnings | undefined },
): ScoreResult {
  const { learnings } = context;
  const enabled = new Set(config.categories);
  const scored = clusters.map((cluster) => {
    const verification = verifications.get(cluster.id) ?? {
      verdict: 'unverified' as const,
      reason: 'not verified: it could not reach the threshold even if confirmed',
      evidence: [],
    };
    const base = cluster.representative;
    const computed: Finding = {
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
    const weighed = learnings
      ? weighLearnings(findingTraits(computed, cluster.claim), computed.confidence, learnings.judged)
      : null;
    const finding = weighed ? { ...computed, confidence: weighed.confidence } : computed;
    return {
      finding,
      computedConfidence: computed.confidence,
      held: weighed?.held ?? false,
      // Named only when they weighed against it: evidence its accepted look-alikes cancelled is not.
      dismissedLike:
        weighed && weighed.evidence > 0
          ? weighed.dismissedLike.map((item) => ({ id: item.id, pullNumber: item.pullNumber }))
          : undefined,
      passes: cluster.passes,
      verifierReason: verification.reason,
      claim: cluster.claim,
    };
  });
  const ranked = [...scored].sort((a, b) => compareFindings(a.finding, b.finding));
  const kept: Finding[] = [];
  const seen = new Set<string>();
  const candidates: Candidate[] = ranked.map((entry) => {
    const { finding, claim, computedConfidence, held, dismissedLike, ...rest } = entry;
    const threshold = thresholdFor(learnings, finding.category, config.threshold);
    let outcome: CandidateOutcome;
    if (!enabled.has(finding.category)) outcome = 'category-off';
    else if (finding.verdict === 'rejected') outcome = 'rejected-by-verifier';
    else if (computedConfidence < threshold) outcome = 'below-threshold';
    else if (context.alreadySaid?.(finding, claim)) outcome = 'already-posted';
    else if (held || finding.confidence < threshold) outcome = 'similar-to-dismissed';
    else if (seen.has(finding.fingerprint)) outcome = 'duplicate';
    else if (kept.length >= config.maxComments) outcome = 'over-max-comments';
    else outcome = 'posted';
    seen.add(finding.fingerprint);
    if (outcome === 'posted') kept.push(finding);
    return { ...rest, finding, outcome, ...(dismissedLike?.length ? { dismissedLike } : {}) };
  });
  const filtered: Partial<Record<FilterReason, number>> = {};
  for (const candidate of candidates) {
    if (candidate.outcome !== 'posted') filtered[candidate.outcome] = (filtered[candidate.outcome] ?? 0) + 1;
  }
  return { kept, candidates, filtered };
}
