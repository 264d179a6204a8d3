import type { RepoConfig } from '../config/repo-config-schema.js';
import type { PullRequestChange } from './types.js';

/** What started a review. Automatic triggers obey `autoReview`; a person asking does not. */
export type ReviewTrigger =
  | 'opened'
  | 'reopened'
  | 'synchronize'
  | 'ready_for_review'
  | 'rerequested'
  | 'command';

const ASKED_BY_A_PERSON: ReadonlySet<ReviewTrigger> = new Set(['rerequested', 'command']);

/** A person asked for this review (a `/review` or Re-run), rather than an event of the pull request. */
export function askedByAPerson(trigger: ReviewTrigger): boolean {
  return ASKED_BY_A_PERSON.has(trigger);
}

/** Why this pull request is not reviewed automatically, or null when it is. */
export function skipReason(
  pull: Pick<PullRequestChange, 'state' | 'draft' | 'author' | 'labels'>,
  autoReview: RepoConfig['autoReview'],
  trigger: ReviewTrigger,
): string | null {
  if (pull.state === 'closed') return 'The pull request is closed.';
  if (askedByAPerson(trigger)) return null;
  if (pull.draft && !autoReview.drafts) {
    return 'Draft pull requests are not reviewed (`autoReview.drafts: false`). Sift reviews it when it is marked ready for review.';
  }
  if (pull.author.isBot && !autoReview.bots) {
    return `Pull requests opened by bots are not reviewed (\`autoReview.bots: false\`); this one is by ${pull.author.login}.`;
  }
  const label = pull.labels.find((name) => autoReview.skipLabels.includes(name));
  if (label) return `The pull request is labelled \`${label}\` (\`autoReview.skipLabels\`).`;
  if (trigger === 'synchronize' && !autoReview.onPush)
    return 'New pushes are not reviewed (`autoReview.onPush: false`).';
  return null;
}
