import type { SymbolCaches } from '../context/symbol-index.js';
import type { ModelClient } from '../llm/model-client.js';
import type { Logger } from '../logger.js';
import type { SiftMetrics } from '../metrics/sift-metrics.js';
import type { PlanInEffect } from '../plans/plan-in-effect.js';
import type { RepositoryReader } from '../repository/repository-reader.js';
import type { PullRequestHost } from '../review/pull-request-host.js';
import type { SiftStore } from '../store/sift-store.js';
import type { SpendMeter } from './create-spend-meter.js';
import type { SiftJob } from './sift-job.js';

/** What every job runs against: its pull request's host, the model, the store and a clock. */
export interface JobPorts {
  readonly host: PullRequestHost;
  /** The model, metered by `spend`: no call starts once a budget is spent. */
  readonly model: ModelClient;
  /** What this job's model calls spent, against the review's and the installation's budgets. */
  readonly spend: SpendMeter;
  readonly store: SiftStore;
  /** The installation's plan, looked up at most once per job; null: the operator set no plans. */
  readonly plan: () => Promise<PlanInEffect | null>;
  readonly now: () => number;
  /** The repository behind the pull request, read for cross-file context; absent: the diff only. */
  readonly repository?: RepositoryReader | undefined;
  readonly caches: SymbolCaches;
  readonly maxPromptTokens?: number | undefined;
  /** Hands a follow-up job to the queue (a `/review` command becomes a review job). */
  readonly enqueue: (job: SiftJob) => Promise<string>;
  readonly log: Logger;
  readonly metrics?: SiftMetrics | undefined;
  readonly signal: AbortSignal;
  /** Keeps facts the job learned with its journal record (the check run it started), for a resume. */
  readonly note: (facts: Partial<SiftJob>) => void;
}
