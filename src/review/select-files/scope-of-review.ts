import type { PullRequestHost } from '../pull-request-host.js';
import type { PullRequestChange, ReviewScope } from '../types.js';
import { decideScope, type ScopeDecision } from './decide-scope.js';

/**
 * Stage 2, the part that asks the host: what this review covers. An automatic or `/review new`
 * review covers what changed since the last reviewed commit, which takes a comparison of the two;
 * a full or path-limited review does not.
 */
export async function scopeOfReview(
  host: Pick<PullRequestHost, 'compareCommits'>,
  asked: ReviewScope,
  pull: Pick<PullRequestChange, 'files' | 'head'>,
  lastReviewedHead: string | null,
): Promise<ScopeDecision> {
  const incremental = asked.kind === 'auto' || asked.kind === 'new';
  const since = incremental ? lastReviewedHead : null;
  const comparison =
    since && since !== pull.head.sha ? await host.compareCommits(since, pull.head.sha) : null;
  return decideScope(asked, pull.files, { lastReviewedHead: since, comparison });
}
