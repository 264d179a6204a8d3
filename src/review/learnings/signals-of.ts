import type { PostedFinding } from '../types.js';
import { signalWeight } from './judge-findings.js';
import type { FeedbackSignal, FindingTraits, SignalKind, SignalRole } from './learning-types.js';

/** Who the pull request is by, and whether its author may write to the repository. */
export interface PullRequestPeople {
  readonly pullNumber: number;
  readonly pullAuthor: string;
  readonly authorCanWrite: boolean;
}

/** The role of someone whose feedback counts (feedbackThatCounts): the author, or a writer. */
export function roleOf(login: string, people: PullRequestPeople): SignalRole {
  if (login !== people.pullAuthor) return 'reviewer';
  return people.authorCanWrite ? 'author-writer' : 'author';
}

/**
 * The signals in what people did with Sift's findings on a pull request: 👎 and 👍 from people
 * whose feedback counts (the findings come through feedbackThatCounts), and, when the pull
 * request has closed, each finding's fate — its code changed (fixed) or its thread resolved by a
 * person with the code unchanged (dismissed). Only findings whose traits Sift remembered when it
 * posted them can teach anything; signals that weigh nothing (signalWeight) are left out, so
 * feedback that cannot teach is not kept either.
 */
export function signalsOf(
  findings: readonly PostedFinding[],
  remembered: readonly FindingTraits[],
  people: PullRequestPeople,
  options: { at: number; fates?: ReadonlyMap<string, 'fixed' | 'dismissed'> },
): FeedbackSignal[] {
  const traits = new Map(remembered.map((finding) => [finding.fingerprint, finding]));
  const signals: FeedbackSignal[] = [];
  for (const posted of findings) {
    const finding = traits.get(posted.marker.fingerprint);
    if (!finding) continue;
    const add = (kind: SignalKind, by: string) => {
      const signal = {
        pullNumber: people.pullNumber,
        kind,
        by,
        role: roleOf(by, people),
        at: options.at,
        finding,
      };
      if (signalWeight(signal) > 0) signals.push(signal);
    };
    for (const login of posted.thumbsDownBy) add('thumbs-down', login);
    for (const login of posted.thumbsUpBy) add('thumbs-up', login);
    const fate = options.fates?.get(posted.marker.fingerprint);
    if (fate === 'fixed') add('fixed', people.pullAuthor);
    if (fate === 'dismissed' && posted.resolvedBy !== null && !posted.resolvedBy.endsWith('[bot]'))
      add('dismissed', posted.resolvedBy);
  }
  return signals;
}
