import type { SymbolCaches } from '../context/symbol-index.js';
import type { Octokit } from '../github/octokit.js';
import type { ModelClient } from '../llm/model-client.js';
import type { Logger } from '../logger.js';
import type { RepositoryReader } from '../repository/repository-reader.js';
import { jobKey, type ReviewJob, runReview } from '../review/run-review.js';
import type { JobWorker } from './job-queue.js';

export interface ReviewWorkerDeps {
  /** A fresh installation client per job: tokens expire after an hour and jobs may wait. */
  readonly octokitFor: (installationId: number) => Promise<Octokit>;
  readonly model: ModelClient;
  /** The repository reader for a job's repository, over that job's client. */
  readonly repositoryFor?:
    | ((octokit: Octokit, repository: { owner: string; repo: string }) => RepositoryReader)
    | undefined;
  readonly caches: SymbolCaches;
  readonly log: Logger;
}

/** The function the queue runs for each review job. */
export function createReviewWorker(deps: ReviewWorkerDeps): JobWorker<ReviewJob> {
  return async (job, signal) => {
    const log = deps.log.child({ job: jobKey(job), delivery: job.deliveryId });
    const octokit = await deps.octokitFor(job.installationId);
    const repository = deps.repositoryFor?.(octokit, { owner: job.owner, repo: job.repo });
    const result = await runReview(job, {
      octokit,
      model: deps.model,
      repository,
      caches: deps.caches,
      log,
      signal,
    });
    log.info({ result }, 'review finished');
  };
}
