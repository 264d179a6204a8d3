import type { SymbolCaches } from '../context/symbol-index.js';
import { JobDiscardedError } from '../errors.js';
import type { ModelForInstallation } from '../llm/installation-model/installation-models.js';
import { modelOfInstallation } from '../llm/installation-model/model-of-installation.js';
import type { ModelClient } from '../llm/model-client.js';
import type { Logger } from '../logger.js';
import type { SiftMetrics } from '../metrics/sift-metrics.js';
import type { PlanResolver } from '../plans/create-plan-resolver.js';
import type { PlanInEffect } from '../plans/plan-in-effect.js';
import type { JobWorker } from '../queue/job-queue.js';
import type { RepositoryReader } from '../repository/repository-reader.js';
import type { PullRequestHost } from '../review/pull-request-host.js';
import { repositoryKey, type SiftStore } from '../store/sift-store.js';
import { runCommandJob } from './command-job.js';
import { runConversationJob } from './conversation-job.js';
import { createSpendMeter, type InstallationBudgets } from './create-spend-meter.js';
import type { JobPorts } from './job-ports.js';
import { runOutcomeJob } from './outcome-job.js';
import { runReviewJob } from './review-job.js';
import { type JobOfKind, jobLabel, type SiftJob } from './sift-job.js';

/** Each kind of job and what runs it: adding a kind means its file and one line here. */
const RUNNERS: { [K in SiftJob['kind']]: (job: JobOfKind<K>, ports: JobPorts) => Promise<string> } = {
  review: runReviewJob,
  command: runCommandJob,
  conversation: runConversationJob,
  outcome: runOutcomeJob,
};

/** The pull request a job works on, as the host and the repository reader for that job. */
export interface JobSite {
  readonly host: PullRequestHost;
  readonly repository?: RepositoryReader | undefined;
}

export interface JobWorkerDeps {
  /** A fresh site per job: installation tokens expire after an hour and jobs may wait. */
  readonly siteFor: (job: SiftJob) => Promise<JobSite>;
  readonly model: ModelClient;
  /** An installation's own model, when it brought one (SIFT_INSTALLATION_MODEL_KEY); else the server's is used. */
  readonly modelFor?: ModelForInstallation | undefined;
  readonly caches: SymbolCaches;
  readonly store: SiftStore;
  readonly maxPromptTokens?: number | undefined;
  /** What one installation may spend on the model per UTC day and month; unset: no cap. */
  readonly installationBudgets?: InstallationBudgets | undefined;
  /** The plan of an installation; unset: no plans, nothing is limited. */
  readonly planOf?: PlanResolver | undefined;
  readonly enqueue: (job: SiftJob) => Promise<string>;
  readonly now: () => number;
  readonly log: Logger;
  readonly metrics?: SiftMetrics | undefined;
}

/**
 * The function the queue runs for each job: its site, a logger with the job's name, the model
 * metered against the job's and the installation's budgets, the installation's plan, its runner.
 * A suspended installation's job is dropped before it does anything. Every job notes its
 * repository as its installation's, so the repository's state is deleted with the installation.
 */
export function createJobWorker(deps: JobWorkerDeps): JobWorker<SiftJob> {
  return async (job, signal, note, acceptedAt) => {
    const log = deps.log.child({ job: jobLabel(job), delivery: job.deliveryId });
    if ((await deps.store.installation(job.installationId))?.suspended) {
      log.info({ installation: job.installationId }, `${job.kind} dropped: the installation is suspended`);
      return;
    }
    await deps.store.addInstallationRepository(job.installationId, repositoryKey(job));
    deps.metrics?.jobStarted(job.kind, deps.now() - acceptedAt);
    log.info(`${job.kind} started`);
    const run = RUNNERS[job.kind] as (job: SiftJob, ports: JobPorts) => Promise<string>;
    const spend = createSpendMeter(modelOfInstallation(deps.model, deps.modelFor, job.installationId), {
      store: deps.store,
      installationId: job.installationId,
      budgets: deps.installationBudgets,
      now: deps.now,
    });
    let plan: Promise<PlanInEffect | null> | undefined;
    const planOf = () => {
      plan ??= deps.planOf?.(job.installationId) ?? Promise.resolve(null);
      return plan;
    };
    try {
      const site = await deps.siteFor(job);
      const result = await run(job, {
        ...deps,
        ...site,
        model: spend.model,
        spend,
        plan: planOf,
        log,
        signal,
        note,
      });
      // The result's first word (`posted`, `answered`, `refused`…) keeps the label's values few.
      deps.metrics?.jobFinished(job.kind, /^[a-z-]+/.exec(result)?.[0] ?? 'other', deps.now() - acceptedAt);
      log.info({ result }, `${job.kind} finished`);
    } catch (error) {
      if (signal.reason instanceof JobDiscardedError) {
        log.info({ reason: signal.reason.message }, `${job.kind} withdrawn`);
        return;
      }
      deps.metrics?.failed(error instanceof Error ? error.name : 'unknown');
      deps.metrics?.jobFinished(job.kind, 'crashed', deps.now() - acceptedAt);
      throw error;
    } finally {
      const stoppedBy = spend.stoppedBy();
      if (stoppedBy) deps.metrics?.budgetStopped(stoppedBy);
      // Withdrawn because its installation or repository went away: what it wrote while winding
      // down (the spend of a model call that was in flight) is deleted with the rest.
      if (signal.reason instanceof JobDiscardedError) await forgetAgain(deps.store, job, signal.reason);
    }
  };
}

async function forgetAgain(store: SiftStore, job: SiftJob, reason: JobDiscardedError): Promise<void> {
  if (reason.gone === 'installation') await store.forgetInstallation(job.installationId, null);
  else await store.forgetRepository(job.installationId, repositoryKey(job));
}
