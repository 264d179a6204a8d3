import { runCommand } from '../commands/run-command.js';
import type { SymbolCaches } from '../context/symbol-index.js';
import { runConversation } from '../conversation/run-conversation.js';
import type { Octokit } from '../github/octokit.js';
import type { ModelClient } from '../llm/model-client.js';
import type { Logger } from '../logger.js';
import { recordOutcomes } from '../outcomes/record-outcomes.js';
import type { RepositoryReader } from '../repository/repository-reader.js';
import { jobKey, runReview } from '../review/run-review.js';
import { pullKey, type SiftStore } from '../store/sift-store.js';
import type { JobWorker } from './job-queue.js';
import type { SiftJob } from './sift-job.js';

export interface JobWorkerDeps {
  /** A fresh installation client per job: tokens expire after an hour and jobs may wait. */
  readonly octokitFor: (installationId: number) => Promise<Octokit>;
  readonly model: ModelClient;
  /** The repository reader for a job's repository, over that job's client. */
  readonly repositoryFor?:
    | ((octokit: Octokit, repository: { owner: string; repo: string }) => RepositoryReader)
    | undefined;
  readonly caches: SymbolCaches;
  readonly store: SiftStore;
  readonly maxPromptTokens?: number | undefined;
  readonly log: Logger;
}

/** The function the queue runs for each job: one client, one logger with the job's key, one runner per kind. */
export function createJobWorker(deps: JobWorkerDeps): JobWorker<SiftJob> {
  return async (job, signal) => {
    const key = job.kind === 'review' ? jobKey(job) : `${pullKey(job)}:${job.kind}`;
    const log = deps.log.child({ job: key, delivery: job.deliveryId });
    const octokit = await deps.octokitFor(job.installationId);
    const repository = deps.repositoryFor?.(octokit, { owner: job.owner, repo: job.repo });
    const common = {
      octokit,
      model: deps.model,
      repository,
      caches: deps.caches,
      store: deps.store,
      log,
      signal,
    };
    let result: string;
    switch (job.kind) {
      case 'review':
        result = await runReview(job, { ...common, maxPromptTokens: deps.maxPromptTokens });
        break;
      case 'command':
        result = await runCommand(job, common);
        break;
      case 'conversation':
        result = await runConversation(job, common);
        break;
      case 'outcome':
        result = await recordOutcomes(job, common);
        break;
    }
    log.info({ result }, `${job.kind} finished`);
  };
}
