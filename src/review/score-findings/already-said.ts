import type { PostedFinding } from '../../github/load-sift-history.js';
import type { Finding } from '../types.js';
import { makesSameClaim } from './makes-same-claim.js';

/**
 * Decides whether a finding repeats what Sift already said on the pull request. It does when its
 * fingerprint is that of a finding still open, or of one people dismissed (👎, resolved by hand
 * without a code change, or disputed in a reply), and when it makes the same claim as a finding
 * still open. A finding Sift itself resolved as fixed may be raised again: that is a regression.
 */
export function alreadySaid(
  posted: readonly PostedFinding[],
  dismissed: ReadonlySet<string>,
): (finding: Finding) => boolean {
  const open = posted.filter((item) => !item.isResolved);
  const blocked = new Set([...open.map((item) => item.marker.fingerprint), ...dismissed]);
  return (finding) => blocked.has(finding.fingerprint) || open.some((item) => makesSameClaim(item, finding));
}
