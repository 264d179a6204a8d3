import {
  BudgetExceededError,
  JobDiscardedError,
  ReviewSupersededError,
  ShuttingDownError,
} from '../errors.js';
import { describePlanCaps } from '../plans/describe-plan-caps.js';
import { planRefusal } from '../plans/plan-refusal.js';
import { renderPlanLimit } from '../plans/render-plan-limit.js';
import { postReview } from '../review/post-review/post-review.js';
import { resolveFixedThreads } from '../review/post-review/resolve-fixed-threads.js';
import { renderBudgetStop } from '../review/render/render-budget-stop.js';
import { renderCheckRun } from '../review/render/render-check-run.js';
import { renderFailure } from '../review/render/render-failure.js';
import { reviewChange } from '../review/review-change.js';
import { alreadySaid } from '../review/score-findings/already-said.js';
import { scopeOfReview } from '../review/select-files/scope-of-review.js';
import { askedByAPerson, type ReviewTrigger, skipReason } from '../review/skip-reason.js';
import type { PullRequestChange, ReviewOutcome, ReviewScope } from '../review/types.js';
import { pullKey, repositoryKey } from '../store/sift-store.js';
import { feedbackThatCounts } from './feedback-that-counts.js';
import type { JobPorts } from './job-ports.js';
import { loadReviewLearnings, recordFeedbackSignals, rememberPosted } from './learn-from-feedback.js';
import { createReviewStatus, SUPERSEDED } from './review-status.js';

const POSTED_BEFORE_RESTART = {
  conclusion: 'neutral',
  title: 'Review posted',
  summary:
    'Sift posted its review of this commit and restarted before it could write this summary; the review on the pull request is complete. Use **Re-run** to review again.',
} as const;

const POSTED_BY_ANOTHER_RUN = {
  conclusion: 'neutral',
  title: 'Review posted',
  summary:
    'Another run of this job posted its review of this commit first (a worker that was thought lost finished it); the review on the pull request is complete. Use **Re-run** to review again.',
} as const;

export type { ReviewTrigger };

/** One unit of work: review one pull request, asked for at one head commit. */
export interface ReviewJob {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  /** The head the delivery named; the review covers the head GitHub reports when the job runs. */
  readonly headSha: string;
  readonly baseRef: string;
  readonly trigger: ReviewTrigger;
  readonly scope: ReviewScope;
  readonly deliveryId: string;
  /** The pull request's `updated_at` in the delivery: orders deliveries that arrive out of order. */
  readonly updatedAt?: string | undefined;
  /** The check run this job started before a restart interrupted it: resumed, never left running. */
  readonly checkRun?: { readonly id: number; readonly headSha: string } | undefined;
}

export type ReviewJobResult =
  | 'posted'
  | 'quiet'
  | 'already-reviewed'
  | 'nothing-new'
  | 'skipped'
  | 'superseded'
  | 'interrupted'
  | 'over-budget'
  | 'over-plan'
  | 'discarded'
  | 'failed';

/**
 * What a caller that runs the job itself learns beyond its result: the GitHub Action writes its
 * SARIF file and outputs from the review, and its job summary says what to do about a failure.
 */
export interface ReviewJobObserver {
  /** The review was completed and concluded; `posted`: a review was posted on the pull request. */
  readonly reviewed?: (review: { outcome: ReviewOutcome; pull: PullRequestChange; posted: boolean }) => void;
  /** The review of `headSha` failed with this error (the check run says so). */
  readonly failed?: (error: unknown, headSha: string) => void;
}

/**
 * Reviews a pull request, the stages of the README in order:
 *   1 load     the pull request as GitHub has it now (its head, not the delivery's: deliveries
 *              arrive out of order), what Sift already said on it, its config from the base branch,
 *              the installation's plan (a limit it reached ends the review here, and says so),
 *              and (unless `learning` is off) what the repository learned from its team's feedback,
 *              after recording the feedback on this pull request's findings
 *   2 select   the whole pull request, or what changed since the last reviewed commit, within
 *              the plan's size and passes
 *   3–7        context, ask, verify, score, anchor (reviewChange)
 *   8 post     one review (when there is something to say), the threads the push fixed resolved,
 *              the check run's summary; the posted findings are remembered to learn from
 * A head already reviewed is not reviewed again by a redelivered webhook or a retried job. Every
 * way this can end — posted, skipped, superseded, stopped by a budget, failed — is said on the
 * check run.
 */
export async function runReviewJob(
  job: ReviewJob,
  ports: JobPorts,
  observer: ReviewJobObserver = {},
): Promise<ReviewJobResult> {
  const { host, store, log, signal } = ports;
  const status = createReviewStatus(host, job.headSha, log, {
    resumed: job.checkRun,
    onStarted: (checkRun) => ports.note({ checkRun }),
  });
  let headSha = job.headSha;
  try {
    // 1 load
    const [pull, history] = await Promise.all([host.loadPullRequest(), host.loadHistory()]);
    headSha = pull.head.sha;
    const where = { owner: job.owner, repo: job.repo, pullNumber: job.pullNumber };
    const lastReviewed = (await store.lastReviewedHead(pullKey(where))) ?? history.lastReviewedHead;
    if (!askedByAPerson(job.trigger) && (lastReviewed === headSha || history.reviewedHeads.has(headSha))) {
      // Killed after posting and before concluding: the review stands, its check run is closed.
      if (job.checkRun) await status.finish(POSTED_BEFORE_RESTART);
      return 'already-reviewed';
    }
    if (job.scope.kind === 'new' && lastReviewed === headSha) {
      await host.comment(
        `Nothing new since Sift's review of ${headSha.slice(0, 7)}. Comment \`/review full\` to review the whole pull request again.`,
      );
      return 'nothing-new';
    }
    await status.start(headSha, history.notices);
    const { config, problems } = await host.readConfig(pull.base.ref);
    const skip = skipReason(pull, config.autoReview, job.trigger);
    if (skip) {
      await status.finish({ conclusion: 'skipped', title: 'Not reviewed', summary: skip });
      return 'skipped';
    }
    const plan = await ports.plan();
    const refused =
      plan &&
      planRefusal(plan.plan, {
        privateRepository: pull.repository.private === true,
        reviewsThisMonth: await store.reviewsOf(job.installationId, ports.now()),
      });
    if (plan && refused) {
      log.info({ plan: plan.plan.name, limit: refused.limit }, 'review refused by the plan');
      await status.finish(
        renderPlanLimit(refused, plan, { headSha, repository: repositoryKey(job), now: ports.now() }),
      );
      return 'over-plan';
    }
    // The plan caps the passes (and, below, the files); `ensemble.passes` asks for what it may.
    const passesAsked = config.ensemble.passes;
    const planned =
      plan?.plan.passes !== undefined && plan.plan.passes < passesAsked
        ? { ...config, ensemble: { passes: plan.plan.passes } }
        : config;
    // The repository's budget caps what this review actually spends; an installation whose
    // budget is already spent is told so before any work starts.
    ports.spend.capReview(config.budget.maxTokens);
    const spent = await ports.spend.exceeded();
    if (spent) throw spent;
    // Whose 👎 counts takes a permission lookup per person: only for a pull request that is reviewed.
    const [posted, disputed] = await Promise.all([
      feedbackThatCounts(history.findings, pull.author.login, host),
      store.disputedFingerprints(repositoryKey(job), job.pullNumber),
    ]);
    const learnings = config.learning
      ? await learnFromFeedback(ports, job, pull.author.login, posted, config.threshold)
      : undefined;

    // 2 select: the scope; the rest of selection happens in reviewChange
    const scope = await scopeOfReview(host, job.scope, pull, lastReviewed);

    // 3–7
    const outcome = await reviewChange({ ...pull, files: scope.files }, planned, {
      model: ports.model,
      sizeLimit: plan
        ? { maxFiles: plan.plan.maxFiles, maxChangedLines: plan.plan.maxChangedLines }
        : undefined,
      repository: ports.repository,
      caches: ports.caches,
      maxPromptTokens: ports.maxPromptTokens,
      alreadySaid: alreadySaid(posted, disputed),
      learnings,
      log,
      signal,
    });
    signal.throwIfAborted();
    ports.metrics?.reviewCompleted(outcome);
    const planNotes = plan
      ? describePlanCaps(plan, {
          passesAsked,
          leftOutBySize: outcome.leftOutBySize ?? 0,
          reviewedFiles: outcome.reviewedFiles.length,
        })
      : [];
    const reviewed = {
      ...outcome,
      skippedFiles: [...scope.skipped, ...outcome.skippedFiles],
      budgetNotes: [...planNotes, ...outcome.budgetNotes],
    };

    // 8 post: a first review always says what it found, even nothing; later ones only when they have something to say
    const found = outcome.inline.length + outcome.summaryOnly.length;
    const post = found > 0 || lastReviewed === null || job.trigger === 'command';
    if (post && (await postedMeanwhile(host, job, headSha))) {
      await status.finish(POSTED_BY_ANOTHER_RUN);
      return 'already-reviewed';
    }
    const refusedInline = post ? (await postReview(host, pull, reviewed, log, job.deliveryId)).refused : 0;
    if (learnings && post) await rememberPosted(ports, job, outcome.inline);
    const resolved = await resolveFixedThreads(
      host,
      headSha,
      posted,
      { candidates: outcome.candidates, fullyReviewedPaths: fullyReviewedPaths(scope.covered, outcome) },
      log,
    );
    await store.setLastReviewedHead(pullKey(where), headSha);
    await status.finish(
      renderCheckRun(reviewed, {
        headSha,
        changedFileCount: pull.changedFileCount,
        listedFileCount: pull.files.length,
        configProblems: problems,
        scope: scope.description,
        resolvedThreads: resolved,
        refusedInline,
      }),
    );
    // A review counts against the month once it has run; one stopped or failed does not.
    await store.addReview(job.installationId, ports.now());
    observer.reviewed?.({ outcome: reviewed, pull, posted: post });
    return post ? 'posted' : 'quiet';
  } catch (error) {
    // Stopped for a restart: the check run stays in progress, and the resumed job finishes it.
    if (signal.reason instanceof ShuttingDownError) return 'interrupted';
    // Withdrawn: the installation or repository is gone, and GitHub with it; nothing more is said.
    if (signal.reason instanceof JobDiscardedError) return 'discarded';
    if (signal.aborted || error instanceof ReviewSupersededError) {
      await status.finish(SUPERSEDED);
      return 'superseded';
    }
    if (error instanceof BudgetExceededError) {
      log.warn(
        { budget: error.budget, spent: error.spent, limit: error.limit },
        'review stopped by a budget',
      );
      await status.finish(
        renderBudgetStop(error, { headSha, spentByReview: ports.spend.spent(), now: ports.now() }),
      );
      return 'over-budget';
    }
    ports.metrics?.failed(error instanceof Error ? error.name : 'unknown');
    observer.failed?.(error, headSha);
    await status.finish(renderFailure(error, { headSha, jobKey: reviewJobKey({ ...job, headSha }) }));
    log.error({ err: error, job: reviewJobKey({ ...job, headSha }) }, 'review failed');
    return 'failed';
  }
}

/**
 * Records the feedback that counts on this pull request's findings so far (👎 and 👍; their fates
 * are recorded when it closes), then loads everything the repository learned.
 */
async function learnFromFeedback(
  ports: JobPorts,
  job: ReviewJob,
  pullAuthor: string,
  posted: Parameters<typeof recordFeedbackSignals>[2],
  threshold: number,
) {
  await recordFeedbackSignals(ports, { ...job, pullAuthor }, posted);
  return loadReviewLearnings(ports.store, job, threshold);
}

/**
 * Whether a review this job would post is already on the pull request, looked up again just
 * before posting: a job a stalled worker was thought to have dropped may have been run twice, and
 * a push's review may have been posted by a run of another delivery of the same head.
 */
async function postedMeanwhile(host: JobPorts['host'], job: ReviewJob, headSha: string): Promise<boolean> {
  const history = await host.loadHistory();
  return (
    history.reviewedByJobs.has(job.deliveryId) ||
    (!askedByAPerson(job.trigger) && history.reviewedHeads.has(headSha))
  );
}

/**
 * The files this run covered and every pass read: only their findings can be judged fixed. A file
 * outside the run's scope, or skipped (generated, excluded, over budget), says nothing about its
 * findings; a failed pass may have missed a finding that still holds, so then none are.
 */
function fullyReviewedPaths(covered: ReadonlySet<string>, outcome: ReviewOutcome): ReadonlySet<string> {
  if (outcome.passes.failed.length > 0) return new Set();
  const skipped = new Set(outcome.skippedFiles.map((file) => file.path));
  return new Set([...covered].filter((path) => !skipped.has(path)));
}

export function reviewJobKey(job: Pick<ReviewJob, 'owner' | 'repo' | 'pullNumber' | 'headSha'>): string {
  return `${pullKey(job)}@${job.headSha.slice(0, 7)}`;
}
