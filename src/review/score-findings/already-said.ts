import type { Finding, PostedFinding } from '../types.js';
import { makesSameClaim } from './makes-same-claim.js';

/**
 * Whether a finding repeats what Sift already said; `claim`, when given, is what the finding
 * claims without text its answer repeated in every finding (stripSharedText).
 */
export type AlreadySaid = (finding: Finding, claim?: string) => boolean;

/**
 * Whether people dismissed a posted finding: a 👎 on it, a reply that disputed it (`disputed`
 * holds those fingerprints), or its thread resolved by a person — Sift resolving a thread as
 * fixed is not a dismissal.
 */
export function wasDismissed(posted: PostedFinding, disputed: ReadonlySet<string>): boolean {
  const resolvedByPerson =
    posted.isResolved && posted.resolvedBy !== null && !posted.resolvedBy.endsWith('[bot]');
  return posted.thumbsDownBy.length > 0 || resolvedByPerson || disputed.has(posted.marker.fingerprint);
}

/**
 * Decides whether a finding repeats what Sift already said on the pull request. It does when its
 * fingerprint is that of a finding still open, of one people dismissed (wasDismissed), or of one
 * disputed in a thread since gone — and when it makes the same claim as a finding still open. A
 * finding Sift itself resolved as fixed may be raised again: that is a regression.
 */
export function alreadySaid(posted: readonly PostedFinding[], disputed: ReadonlySet<string>): AlreadySaid {
  const open = posted.filter((item) => !item.isResolved);
  const blocked = new Set([
    ...open.map((item) => item.marker.fingerprint),
    ...posted.filter((item) => wasDismissed(item, disputed)).map((item) => item.marker.fingerprint),
    ...disputed,
  ]);
  return (finding, claim) =>
    blocked.has(finding.fingerprint) || open.some((item) => makesSameClaim(item, finding, claim));
}
