import { loadRepoConfig } from '../config/load-repo-config.js';
import type { SymbolCaches } from '../context/symbol-index.js';
import { ReviewSupersededError } from '../errors.js';
import { completeCheckRun, startCheckRun } from '../github/check-run.js';
import { commentOnPullRequest } from '../github/comment-on-pull-request.js';
import { compareCommits } from '../github/compare-commits.js';
import { loadSiftHistory } from '../github/load-sift-history.js';
import type { Octokit } from '../github/octokit.js';
import { createFileReader } from '../github/read-file-at-ref.js';
import type { ModelClient } from '../llm/model-client.js';
import type { Logger } from '../logger.js';
import { rememberSnapshots } from '../repository/remember-snapshots.js';
import type { RepositoryReader } from '../repository/repository-reader.js';
import { pullKey, repositoryKey, type SiftStore } from '../store/sift-store.js';
import { loadPullRequest } from './load-pull-request/load-pull-request.js';
import { postReview } from './post-review/post-review.js';
import { renderCheckRun } from './post-review/render-check-run.js';
import { renderFailure } from './post-review/render-failure.js';
import { resolveFixedThreads } from './post-review/resolve-fixed-threads.js';
import { reviewChange } from './review-change.js';
import { alreadySaid } from './score-findings/already-said.js';
import { decideScope } from './select-files/decide-scope.js';
import { askedByAPerson, type ReviewTrigger, skipReason } from './skip-reason.js';
import type { ReviewScope } from './types.js';

/** One unit of work: review one pull request at one head commit. */
export interface ReviewJob {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly headSha: string;
  readonly baseRef: string;
  readonly trigger: ReviewTrigger;
  readonly scope: ReviewScope;
  readonly deliveryId: string;
}

export interface RunReviewDeps {
  readonly octokit: Octokit;
  readonly model: ModelClient;
  /** The repository behind the pull request, read for cross-file context. */
  readonly repository?: RepositoryReader | undefined;
  readonly caches: SymbolCaches;
  readonly store: SiftStore;
  readonly maxPromptTokens?: number | undefined;
  readonly log: Logger;
  readonly signal: AbortSignal;
}

export type RunReviewResult =
  | 'posted'
  | 'quiet'
  | 'already-reviewed'
  | 'nothing-new'
  | 'skipped'
  | 'superseded'
  | 'failed';

/**
 * Reviews a pull request at one head commit, start to finish:
 *   0 history   what Sift already said here (hidden markers, thread states); a head already
 *               reviewed is not reviewed again by a redelivered webhook or a retried job
 *   1 load      configuration from the base branch, the pull request and its parsed diff
 *   2 scope     the whole pull request, or what changed since the last reviewed commit
 *   2–7         select, context, ask, verify, score, anchor (reviewChange)
 *   8 post      one review (when there is something to say), resolve threads the push fixed,
 *               then the check run's summary
 * Every way this can end — posted, skipped, superseded, failed — is said on the check run.
 */
export async function runReview(job: ReviewJob, deps: RunReviewDeps): Promise<RunReviewResult> {
  const { octokit, signal } = deps;
  const where = { owner: job.owner, repo: job.repo, pullNumber: job.pullNumber };

  // 0 history
  const history = await loadSiftHistory(octokit, where);
  const lastReviewed = (await deps.store.lastReviewedHead(pullKey(where))) ?? history.lastReviewedHead;
  if (
    !askedByAPerson(job.trigger) &&
    (lastReviewed === job.headSha || history.reviewedHeads.has(job.headSha))
  )
    return 'already-reviewed';
  if (job.scope.kind === 'new' && lastReviewed === job.headSha) {
    await commentOnPullRequest(
      octokit,
      where,
      `Nothing new since Sift's review of ${job.headSha.slice(0, 7)}. Comment \`/review full\` to review the whole pull request again.`,
    );
    return 'nothing-new';
  }

  const target = { owner: job.owner, repo: job.repo, headSha: job.headSha };
  const checkRunId = await startCheckRun(octokit, target);
  const finish = (report: Parameters<typeof completeCheckRun>[2]) =>
    completeCheckRun(octokit, { ...target, checkRunId }, report);
  try {
    // 1 load
    const [{ config, problems }, pull, disputed] = await Promise.all([
      loadRepoConfig(octokit, { owner: job.owner, repo: job.repo, ref: job.baseRef }),
      loadPullRequest(octokit, where),
      deps.store.disputedFingerprints(repositoryKey(job), job.pullNumber),
    ]);
    if (pull.head.sha !== job.headSha) throw new ReviewSupersededError(`head moved to ${pull.head.sha}`);
    const skip = skipReason(pull, config.autoReview, job.trigger);
    if (skip) {
      await finish({ conclusion: 'skipped', title: 'Not reviewed', summary: skip });
      return 'skipped';
    }

    // 2 scope
    const incremental = job.scope.kind === 'auto' || job.scope.kind === 'new';
    const comparison =
      incremental && lastReviewed && lastReviewed !== job.headSha
        ? await compareCommits(octokit, {
            owner: job.owner,
            repo: job.repo,
            base: lastReviewed,
            head: job.headSha,
          })
        : null;
    const scope = decideScope(job.scope, pull.files, {
      lastReviewedHead: incremental ? lastReviewed : null,
      comparison,
    });
    const repository = deps.repository && rememberSnapshots(deps.repository);

    // 2–7
    const outcome = await reviewChange({ ...pull, files: scope.files }, config, {
      model: deps.model,
      repository,
      caches: deps.caches,
      maxPromptTokens: deps.maxPromptTokens,
      alreadySaid: alreadySaid(history.findings, disputed),
      log: deps.log,
      signal,
    });
    signal.throwIfAborted();

    const reviewed = { ...outcome, skippedFiles: [...scope.skipped, ...outcome.skippedFiles] };

    // 8 post: a first review always says what it found, even nothing; later ones only when they have something to say
    const findings = outcome.inline.length + outcome.summaryOnly.length;
    const post = findings > 0 || lastReviewed === null || job.trigger === 'command';
    if (post) await postReview(octokit, pull, reviewed);
    const readHead = createFileReader(
      octokit,
      { owner: job.owner, repo: job.repo, ref: job.headSha },
      (await repository?.loaded(job.headSha)) ?? null,
    );
    const resolved = await resolveFixedThreads(
      octokit,
      { ...where, headSha: job.headSha },
      history.findings,
      outcome.candidates,
      readHead,
      deps.log,
    );
    await deps.store.setLastReviewedHead(pullKey(where), job.headSha);
    await finish(
      renderCheckRun(reviewed, {
        headSha: pull.head.sha,
        changedFileCount: pull.changedFileCount,
        listedFileCount: pull.files.length,
        configProblems: problems,
        scope: scope.description,
        resolvedThreads: resolved,
      }),
    );
    return post ? 'posted' : 'quiet';
  } catch (error) {
    if (signal.aborted || error instanceof ReviewSupersededError) {
      await finish({
        conclusion: 'cancelled',
        title: 'Superseded by a newer commit',
        summary:
          'A newer commit was pushed while this one was being reviewed; Sift reviews the newest one instead.',
      });
      return 'superseded';
    }
    await finish(renderFailure(error, { headSha: job.headSha, jobKey: jobKey(job) }));
    deps.log.error({ err: error, job: jobKey(job) }, 'review failed');
    return 'failed';
  }
}

export function jobKey(job: Pick<ReviewJob, 'owner' | 'repo' | 'pullNumber' | 'headSha'>): string {
  return `${pullKey(job)}@${job.headSha.slice(0, 7)}`;
}
