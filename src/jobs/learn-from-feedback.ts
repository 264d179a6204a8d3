import { findingTraits } from '../review/learnings/finding-traits.js';
import type { FindingTraits, LearningScope } from '../review/learnings/learning-types.js';
import { organisationRepository, reviewLearnings } from '../review/learnings/review-learnings.js';
import { signalsOf } from '../review/learnings/signals-of.js';
import type { ReviewLearnings } from '../review/learnings/weigh-learnings.js';
import type { PullRequestHost } from '../review/pull-request-host.js';
import type { Finding, PostedFinding } from '../review/types.js';
import { repositoryKey, type SiftStore } from '../store/sift-store.js';
import { canWrite } from './can-write.js';

/** What a job knows of where it runs, as learnings are scoped. */
interface JobWhere {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
}

/** Learnings are kept per installation and repository, so uninstalling deletes them all. */
export function learningScope(job: JobWhere): LearningScope {
  return { installationId: job.installationId, repository: repositoryKey(job) };
}

/**
 * Records what people did with Sift's findings on a pull request as signals (signalsOf):
 * `findings` must hold only feedback that counts (feedbackThatCounts). The author's write access
 * is asked only when the author gave feedback. Returns how many signals were recorded.
 */
export async function recordFeedbackSignals(
  ports: {
    readonly store: SiftStore;
    readonly host: Pick<PullRequestHost, 'permissionOf'>;
    readonly now: () => number;
  },
  job: JobWhere & { readonly pullNumber: number; readonly pullAuthor: string },
  findings: readonly PostedFinding[],
  known: {
    readonly fates?: ReadonlyMap<string, 'fixed' | 'dismissed'>;
    /** The traits the store remembers for this pull request, when the caller has read them already. */
    readonly remembered?: readonly FindingTraits[];
  } = {},
): Promise<number> {
  const { fates } = known;
  const scope = learningScope(job);
  const remembered = known.remembered ?? (await ports.store.postedFindings(scope, job.pullNumber));
  if (remembered.length === 0) return 0;
  const author = job.pullAuthor;
  const fromAuthor = findings.some(
    (finding) =>
      finding.thumbsDownBy.includes(author) ||
      finding.thumbsUpBy.includes(author) ||
      finding.resolvedBy === author,
  );
  const authorCanWrite = fromAuthor && canWrite(await ports.host.permissionOf(author));
  const signals = signalsOf(
    findings,
    remembered,
    { pullNumber: job.pullNumber, pullAuthor: author, authorCanWrite },
    { at: ports.now(), ...(fates ? { fates } : {}) },
  );
  await ports.store.recordSignals(scope, signals);
  return signals.length;
}

/** Keeps the traits of the findings a review posted, to learn from the feedback they get. */
export async function rememberPosted(
  ports: { readonly store: SiftStore; readonly now: () => number },
  job: JobWhere & { readonly pullNumber: number },
  posted: readonly Finding[],
): Promise<void> {
  if (posted.length === 0) return;
  const traits = posted.map((finding) => findingTraits(finding));
  await ports.store.rememberPostedFindings(learningScope(job), job.pullNumber, traits, ports.now());
}

/** What a review of the job's repository learns: its own learnings and its organisation's conventions. */
export async function loadReviewLearnings(
  store: SiftStore,
  job: JobWhere,
  configuredThreshold: number,
): Promise<ReviewLearnings> {
  const scope = learningScope(job);
  const organisation = organisationRepository(scope.repository);
  const [own, shared] = await Promise.all([
    store.learningsOf(scope),
    organisation === scope.repository ? null : store.learningsOf({ ...scope, repository: organisation }),
  ]);
  return reviewLearnings(scope.repository, own, shared, configuredThreshold);
}
