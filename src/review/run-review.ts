import { loadRepoConfig } from '../config/load-repo-config.js';
import type { SymbolCaches } from '../context/symbol-index.js';
import { ReviewSupersededError } from '../errors.js';
import { completeCheckRun, startCheckRun } from '../github/check-run.js';
import type { Octokit } from '../github/octokit.js';
import type { ModelClient } from '../llm/model-client.js';
import type { Logger } from '../logger.js';
import type { RepositoryReader } from '../repository/repository-reader.js';
import { loadPullRequest } from './load-pull-request/load-pull-request.js';
import { postReview } from './post-review/post-review.js';
import { renderCheckRun } from './post-review/render-check-run.js';
import { renderFailure } from './post-review/render-failure.js';
import { reviewChange } from './review-change.js';
import { type ReviewTrigger, skipReason } from './skip-reason.js';

/** One unit of work: review one pull request at one head commit. */
export interface ReviewJob {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
  readonly headSha: string;
  readonly baseRef: string;
  readonly trigger: ReviewTrigger;
  readonly deliveryId: string;
}

export interface RunReviewDeps {
  readonly octokit: Octokit;
  readonly model: ModelClient;
  /** The repository behind the pull request, read for cross-file context. */
  readonly repository?: RepositoryReader | undefined;
  readonly caches: SymbolCaches;
  readonly log: Logger;
  readonly signal: AbortSignal;
}

export type RunReviewResult = 'posted' | 'skipped' | 'superseded' | 'failed';

/**
 * Reviews a pull request at one head commit, start to finish:
 *   1 load      configuration from the base branch, the pull request and its parsed diff
 *   2–7         select files, build cross-file context, ask the model, locate, score and anchor
 *               findings (reviewChange)
 *   8 post      one review, then the check run's summary
 * The check run is started first, so from the first second to the last the pull request shows
 * what Sift is doing, and every way this can end — posted, skipped, superseded, failed — is said
 * on it.
 */
export async function runReview(job: ReviewJob, deps: RunReviewDeps): Promise<RunReviewResult> {
  const { octokit, signal } = deps;
  const target = { owner: job.owner, repo: job.repo, headSha: job.headSha };
  const checkRunId = await startCheckRun(octokit, target);
  const finish = (report: Parameters<typeof completeCheckRun>[2]) =>
    completeCheckRun(octokit, { ...target, checkRunId }, report);
  try {
    // 1 load
    const [{ config, problems }, pull] = await Promise.all([
      loadRepoConfig(octokit, { owner: job.owner, repo: job.repo, ref: job.baseRef }),
      loadPullRequest(octokit, { owner: job.owner, repo: job.repo, pullNumber: job.pullNumber }),
    ]);
    if (pull.head.sha !== job.headSha) throw new ReviewSupersededError(`head moved to ${pull.head.sha}`);
    const skip = skipReason(pull, config.autoReview, job.trigger);
    if (skip) {
      await finish({ conclusion: 'skipped', title: 'Not reviewed', summary: skip });
      return 'skipped';
    }
    // 2–7
    const outcome = await reviewChange(pull, config, {
      model: deps.model,
      repository: deps.repository,
      caches: deps.caches,
      log: deps.log,
      signal,
    });
    signal.throwIfAborted();
    // 8 post
    await postReview(octokit, pull, outcome);
    await finish(
      renderCheckRun(outcome, {
        headSha: pull.head.sha,
        changedFileCount: pull.changedFileCount,
        listedFileCount: pull.files.length,
        configProblems: problems,
      }),
    );
    return 'posted';
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
  return `${job.owner}/${job.repo}#${job.pullNumber}@${job.headSha.slice(0, 7)}`;
}
