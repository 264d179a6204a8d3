import type { ApplicationFunction } from 'probot';
import type { SiftEnv } from './config/load-env.js';
import { createSymbolCaches } from './context/symbol-index.js';
import { appIdentity, rememberAppSlug } from './github/app-identity.js';
import { createGitHubHost } from './github/create-github-host.js';
import { createMarketplaceLookup } from './github/create-marketplace-lookup.js';
import type { Octokit } from './github/octokit.js';
import { handleCheckRunRerequested } from './handlers/handle-check-run-rerequested.js';
import { handleInstallation } from './handlers/handle-installation.js';
import { handleInstallationRepositories } from './handlers/handle-installation-repositories.js';
import { handleMarketplacePurchase } from './handlers/handle-marketplace-purchase.js';
import { handlePullRequest } from './handlers/handle-pull-request.js';
import { handleReviewCommand } from './handlers/handle-review-command.js';
import { handleReviewComment } from './handlers/handle-review-comment.js';
import { createJobWorker } from './jobs/create-job-worker.js';
import { jobLabel, type SiftJob, siftJobIdentity } from './jobs/sift-job.js';
import type { ModelForInstallation } from './llm/installation-model/installation-models.js';
import type { ModelClient } from './llm/model-client.js';
import type { Logger } from './logger.js';
import type { SiftMetrics } from './metrics/sift-metrics.js';
import { createPlanResolver } from './plans/create-plan-resolver.js';
import type { PlansConfig } from './plans/plan-types.js';
import { createInProcessQueue } from './queue/in-process-queue.js';
import type { JobJournal } from './queue/job-journal.js';
import type { JobQueue, JobWorker } from './queue/job-queue.js';
import { rememberSnapshots } from './repository/remember-snapshots.js';
import type { RepositoryReader } from './repository/repository-reader.js';
import { createInMemoryStore } from './store/in-memory-store.js';
import type { SiftStore } from './store/sift-store.js';

export interface SiftDeps {
  readonly model: ModelClient;
  /** An installation's own model, when operators allow them (SIFT_INSTALLATION_MODEL_KEY). */
  readonly modelFor?: ModelForInstallation | undefined;
  readonly env: Pick<SiftEnv, 'workerConcurrency' | 'installationDailyTokens' | 'installationMonthlyTokens'> &
    Partial<Pick<SiftEnv, 'maxPromptTokens' | 'installationConcurrency'>>;
  /** Reads a repository for cross-file context; without it reviews see the diff only. */
  readonly repositoryFor?:
    | ((octokit: Octokit, repository: { owner: string; repo: string }) => RepositoryReader)
    | undefined;
  /** Where Sift keeps state between webhooks; in memory unless a durable store is given. */
  readonly store?: SiftStore;
  /** Where accepted jobs are written before a webhook is answered; without one a crash loses them. */
  readonly journal?: JobJournal<SiftJob> | undefined;
  /**
   * Builds the queue jobs go through, given what runs them: without it, a queue in this process
   * (journaled when `journal` is given); with Redis, one shared by many processes.
   */
  readonly queue?: ((consumer: SiftJobConsumer) => JobQueue<SiftJob>) | undefined;
  /** Where jobs, findings and model usage are counted for `/metrics`. */
  readonly metrics?: SiftMetrics | undefined;
  /** The operator's plans (SIFT_PLANS_FILE); without them nothing is limited. */
  readonly plans?: PlansConfig | null | undefined;
  /** Ask the Marketplace's stubbed endpoints for purchases (testing a listing). */
  readonly marketplaceStubbed?: boolean | undefined;
  readonly now?: () => number;
}

/** What a queue calls to run Sift's jobs and to report the ones that fail. */
export interface SiftJobConsumer {
  readonly worker: JobWorker<SiftJob>;
  readonly onError: (error: unknown, job: SiftJob) => void;
  /** A job that failed every attempt: logged with its error and counted. */
  readonly onDeadLetter: (job: SiftJob, error: unknown, attempts: number) => void;
}

export interface Sift {
  /** The Probot application: maps webhook events to handlers. */
  readonly app: ApplicationFunction;
  readonly store: SiftStore;
  /** Resolves when no job is waiting or running (tests, graceful shutdown). */
  onIdle(): Promise<void>;
  /** Stops taking jobs, lets running ones finish, and logs any that never started. */
  close(timeoutMs?: number): Promise<void>;
  /** Runs again the jobs a previous process accepted and did not finish (after `app` is loaded). */
  resume(): Promise<number>;
}

export function createSift(deps: SiftDeps): Sift {
  const store = deps.store ?? createInMemoryStore();
  const now = deps.now ?? Date.now;
  let queue: JobQueue<SiftJob> | undefined;
  let log: Logger | undefined;
  return {
    store,
    app: (app) => {
      log = app.log;
      // The app's own client (its JWT: `app.auth()` with no installation id), which the app's and
      // the Marketplace's endpoints require.
      const appOctokit = async () => (await app.auth()) as Octokit;
      const appSlug = rememberAppSlug(appOctokit);
      const consumer: SiftJobConsumer = {
        worker: createJobWorker({
          // A fresh installation client per job: tokens expire after an hour and jobs may wait.
          siteFor: async (job) => {
            const [octokit, slug] = await Promise.all([
              app.auth(job.installationId) as Promise<Octokit>,
              appSlug(),
            ]);
            const where = { owner: job.owner, repo: job.repo };
            const reader = deps.repositoryFor?.(octokit, where);
            const repository = reader && rememberSnapshots(reader);
            const host = createGitHubHost(
              octokit,
              { ...where, pullNumber: job.pullNumber },
              {
                identity: appIdentity(slug),
                snapshotAt: async (ref) => (await repository?.loaded(ref)) ?? null,
              },
            );
            return { host, repository };
          },
          model: deps.model,
          modelFor: deps.modelFor,
          caches: createSymbolCaches(),
          store,
          maxPromptTokens: deps.env.maxPromptTokens,
          installationBudgets: {
            dailyTokens: deps.env.installationDailyTokens,
            monthlyTokens: deps.env.installationMonthlyTokens,
          },
          planOf: createPlanResolver({
            plans: deps.plans ?? null,
            store,
            marketplace: createMarketplaceLookup(appOctokit, { stubbed: deps.marketplaceStubbed ?? false }),
            now,
            log: app.log,
          }),
          enqueue: (job) => (queue as JobQueue<SiftJob>).enqueue(job),
          now,
          log: app.log,
          metrics: deps.metrics,
        }),
        onError: (error, job) => app.log.error({ err: error, job: jobLabel(job) }, 'job crashed'),
        onDeadLetter: (job, error, attempts) => {
          deps.metrics?.deadLettered(job.kind);
          app.log.error(
            { err: error, job: jobLabel(job), attempts },
            'dead letter: the job failed every attempt',
          );
        },
      };
      queue = deps.queue
        ? deps.queue(consumer)
        : createInProcessQueue<SiftJob>({
            ...siftJobIdentity,
            ...consumer,
            concurrency: deps.env.workerConcurrency,
            // Fair shares between installations: an organisation's burst never starves another's pull request.
            perGroup: {
              groupOf: (job) => String(job.installationId),
              concurrency: deps.env.installationConcurrency,
            },
            journal: deps.journal,
            // As with Redis: a crashing job is tried 4 times, 2, 4 and 8 s apart, then set aside.
            retries: { attempts: 4, delayMs: 2_000, onDeadLetter: consumer.onDeadLetter },
          });
      deps.metrics?.watchQueue(() => queue?.size() ?? 0);
      const jobs = { queue, store };
      app.on(
        [
          'pull_request.opened',
          'pull_request.reopened',
          'pull_request.synchronize',
          'pull_request.ready_for_review',
          'pull_request.closed',
        ],
        (context) => handlePullRequest(context, jobs),
      );
      app.on('issue_comment.created', (context) => handleReviewCommand(context, jobs));
      app.on('pull_request_review_comment.created', (context) => handleReviewComment(context, jobs));
      app.on('check_run.rerequested', (context) => handleCheckRunRerequested(context, jobs));
      app.on('installation', (context) => handleInstallation(context, jobs));
      app.on('installation_repositories', (context) => handleInstallationRepositories(context, jobs));
      app.on('marketplace_purchase', (context) => handleMarketplacePurchase(context, jobs));
    },
    onIdle: () => queue?.onIdle() ?? Promise.resolve(),
    async resume() {
      const resumed = (await queue?.resume()) ?? 0;
      if (resumed > 0) log?.info({ jobs: resumed }, 'resuming jobs accepted before the last stop');
      return resumed;
    },
    async close(timeoutMs) {
      const dropped = (await queue?.close(timeoutMs)) ?? [];
      for (const job of dropped) {
        log?.warn(
          { job: jobLabel(job) },
          deps.journal
            ? 'job never started before shutdown; it runs when Sift starts again'
            : 'job never started before shutdown; a push or a /review starts it again',
        );
      }
    },
  };
}
