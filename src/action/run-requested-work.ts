import type { ActionEnv } from '../config/load-action-env.js';
import { createSymbolCaches } from '../context/symbol-index.js';
import { runCommandJob } from '../jobs/command-job.js';
import { createSpendMeter } from '../jobs/create-spend-meter.js';
import type { JobPorts } from '../jobs/job-ports.js';
import { type ReviewJob, type ReviewJobResult, runReviewJob } from '../jobs/review-job.js';
import type { ModelClient } from '../llm/model-client.js';
import type { Logger } from '../logger.js';
import type { PullRequestChange, ReviewOutcome } from '../review/types.js';
import { createInMemoryStore } from '../store/in-memory-store.js';
import type { createActionSite } from './create-action-site.js';
import type { ActionEvent } from './read-action-event.js';

/** What a run did: a command's answer, the review it ran, what that review found or why it failed. */
export interface WorkDone {
  /** The `/review` command's result (`refused: no write access`, `review queued`…); null for a pull request event. */
  readonly command: string | null;
  readonly review: ReviewJobResult | null;
  readonly reviewed: { outcome: ReviewOutcome; pull: PullRequestChange; posted: boolean } | null;
  readonly failure: { readonly error: unknown; readonly headSha: string } | null;
}

type Site = Awaited<ReturnType<typeof createActionSite>>;

// The app keeps these per repository; an Action keeps nothing between runs.
const NO_STATS =
  'The Sift GitHub Action keeps no records between runs, so it has no statistics for this repository; the Sift app keeps them.';

/**
 * Runs the app's own jobs for the event: a pull request event is a review job; a `/review`
 * comment is the command job (👀, the commenter's permission, the answer), and the review it
 * hands over runs right here, where the app would queue it. The jobs' store is this run's memory
 * only: an Action has no store, and what Sift said before is read back from its markers on the
 * pull request, as the app does after a restart.
 */
export async function runRequestedWork(
  event: Exclude<ActionEvent, { kind: 'ignored' }>,
  settings: ActionEnv,
  deps: {
    readonly site: Site;
    readonly model: ModelClient;
    readonly maxPromptTokens: number;
    readonly log: Logger;
    readonly signal: AbortSignal;
    readonly now: () => number;
  },
): Promise<WorkDone> {
  const store = createInMemoryStore();
  const spend = createSpendMeter(deps.model, { store, installationId: 0, now: deps.now });
  const where = { ...settings.repository, pullNumber: event.pullNumber };
  // The run's id, attempt included, names the job in the review's marker: a re-run finds its review.
  const deliveryId = `action-run:${settings.runId}`;
  let handedOver: ReviewJob | null = null;
  const ports: JobPorts = {
    host: deps.site.host,
    repository: deps.site.repository,
    model: spend.model,
    spend,
    // An Action runs on the repository's own key and minutes: no Marketplace plan limits it.
    plan: async () => null,
    store,
    now: deps.now,
    caches: createSymbolCaches(),
    maxPromptTokens: deps.maxPromptTokens,
    enqueue: async (job) => {
      if (job.kind === 'review') handedOver = job;
      return 'queued';
    },
    log: deps.log,
    signal: deps.signal,
    note: () => {},
  };

  let command: string | null = null;
  if (event.kind === 'command') {
    if (event.command.kind === 'stats') {
      await ports.host.react(event.commentId, 'eyes');
      await ports.host.comment(NO_STATS);
      return { command: 'stats: not kept by the Action', review: null, reviewed: null, failure: null };
    }
    command = await runCommandJob({ ...event, installationId: 0, deliveryId, ...where }, ports);
  }
  const job: ReviewJob | null =
    event.kind === 'review'
      ? {
          installationId: 0,
          ...where,
          headSha: event.headSha,
          baseRef: event.baseRef,
          trigger: event.trigger,
          scope: { kind: 'auto' },
          deliveryId,
        }
      : handedOver;
  if (!job) return { command, review: null, reviewed: null, failure: null };

  let reviewed: WorkDone['reviewed'] = null;
  let failure: WorkDone['failure'] = null;
  const review = await runReviewJob(job, ports, {
    reviewed: (done) => {
      reviewed = done;
    },
    failed: (error, headSha) => {
      failure = { error, headSha };
    },
  });
  return { command, review, reviewed, failure };
}
