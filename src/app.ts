import type { ApplicationFunction } from 'probot';
import type { SiftEnv } from './config/load-env.js';
import { createSymbolCaches } from './context/symbol-index.js';
import type { Octokit } from './github/octokit.js';
import { handleCheckRunRerequested } from './handlers/handle-check-run-rerequested.js';
import { handlePullRequest } from './handlers/handle-pull-request.js';
import type { ModelClient } from './llm/model-client.js';
import type { Logger } from './logger.js';
import { createReviewWorker, type ReviewWorkerDeps } from './queue/create-review-worker.js';
import { createInProcessQueue } from './queue/in-process-queue.js';
import type { JobQueue } from './queue/job-queue.js';
import { reviewJobIdentity } from './queue/review-job-identity.js';
import type { ReviewJob } from './review/run-review.js';

export interface SiftDeps {
  readonly model: ModelClient;
  readonly env: Pick<SiftEnv, 'workerConcurrency'>;
  /** Reads a repository for cross-file context; without it reviews see the diff only. */
  readonly repositoryFor?: ReviewWorkerDeps['repositoryFor'];
}

export interface Sift {
  /** The Probot application: maps webhook events to handlers. */
  readonly app: ApplicationFunction;
  /** Resolves when no review is waiting or running (tests, graceful shutdown). */
  onIdle(): Promise<void>;
  /** Stops taking reviews, lets running ones finish, and logs any that never started. */
  close(timeoutMs?: number): Promise<void>;
}

export function createSift(deps: SiftDeps): Sift {
  let queue: JobQueue<ReviewJob> | undefined;
  let log: Logger | undefined;
  return {
    app: (app) => {
      log = app.log;
      queue = createInProcessQueue<ReviewJob>({
        ...reviewJobIdentity,
        concurrency: deps.env.workerConcurrency,
        worker: createReviewWorker({
          octokitFor: async (installationId) => (await app.auth(installationId)) as Octokit,
          model: deps.model,
          repositoryFor: deps.repositoryFor,
          caches: createSymbolCaches(),
          log: app.log,
        }),
        onError: (error, job) =>
          app.log.error({ err: error, pull: reviewJobIdentity.keyOf(job) }, 'review job crashed'),
      });
      const jobs = queue;
      app.on(
        [
          'pull_request.opened',
          'pull_request.reopened',
          'pull_request.synchronize',
          'pull_request.ready_for_review',
        ],
        (context) => handlePullRequest(context, jobs),
      );
      app.on('check_run.rerequested', (context) => handleCheckRunRerequested(context, jobs));
    },
    onIdle: () => queue?.onIdle() ?? Promise.resolve(),
    async close(timeoutMs) {
      const dropped = (await queue?.close(timeoutMs)) ?? [];
      for (const job of dropped) {
        log?.warn(
          { pull: reviewJobIdentity.keyOf(job) },
          'review never started before shutdown; a push or re-run starts it again',
        );
      }
    },
  };
}
