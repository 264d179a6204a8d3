import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ModelUsage } from '../llm/model-client.js';
import type { ReviewOutcome } from '../review/types.js';

/** What the parts of Sift report, in their own terms; the Prometheus names are kept here. */
export interface SiftMetrics {
  /** A job waited this long between being accepted and starting. */
  jobStarted(kind: string, waitedMs: number): void;
  /** A job ended: its result, and how long since it was accepted (for a review: webhook to review). */
  jobFinished(kind: string, result: string, sinceAcceptedMs: number): void;
  /** What a completed review found, posted, held back and spent. */
  reviewCompleted(outcome: ReviewOutcome): void;
  /** A failure, by the name of its error class. */
  failed(kind: string): void;
  /** A job stopped because a model budget was spent (`review`, `installation-day`, `installation-month`). */
  budgetStopped(budget: string): void;
  /** A job that crashed on every attempt and was set aside (kept in the dead-letter list). */
  deadLettered(kind: string): void;
  /** Tells the queue depth gauge where to read from. */
  watchQueue(depth: () => number): void;
  /** The Prometheus exposition: content type and text. */
  render(): Promise<{ contentType: string; body: string }>;
}

// From a few seconds (a small diff) to ten minutes (a large one with a slow model).
const LATENCY_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600];

/** Sift's metrics on a registry of their own (with the process defaults: memory, CPU, event loop). */
export function createSiftMetrics(): SiftMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const on = { registers: [registry] };
  const jobs = new Counter({
    ...on,
    name: 'sift_jobs_total',
    help: 'Jobs ended, by kind and result.',
    labelNames: ['kind', 'result'],
  });
  const wait = new Histogram({
    ...on,
    name: 'sift_job_wait_seconds',
    help: 'Time a job waited in the queue before it started.',
    labelNames: ['kind'],
    buckets: LATENCY_BUCKETS,
  });
  const latency = new Histogram({
    ...on,
    name: 'sift_job_latency_seconds',
    help: 'Time from accepting a job (answering its webhook) to its end; for reviews, webhook to posted review.',
    labelNames: ['kind'],
    buckets: LATENCY_BUCKETS,
  });
  let depth: () => number = () => 0;
  new Gauge({
    ...on,
    name: 'sift_queue_depth',
    help: 'Jobs waiting or running.',
    collect() {
      this.set(depth());
    },
  });
  const findings = new Counter({
    ...on,
    name: 'sift_findings_total',
    help: 'Findings by fate: proposed (candidates), posted inline or in the summary, held back by reason.',
    labelNames: ['fate'],
  });
  const unanchored = new Counter({
    ...on,
    name: 'sift_findings_unanchored_total',
    help: 'Findings the model placed on lines that are not in the diff (must stay near 0: the model and the prompt disagree).',
  });
  const modelCalls = new Counter({
    ...on,
    name: 'sift_model_calls_total',
    help: 'Model requests by outcome (every attempt counts).',
    labelNames: ['outcome'],
  });
  const tokens = new Counter({
    ...on,
    name: 'sift_model_tokens_total',
    help: 'Tokens paid for, by kind (prompt, cached prompt, completion).',
    labelNames: ['kind'],
  });
  const errors = new Counter({
    ...on,
    name: 'sift_errors_total',
    help: 'Failures by kind.',
    labelNames: ['kind'],
  });

  const deadLetters = new Counter({
    ...on,
    name: 'sift_dead_letters_total',
    help: 'Jobs that crashed on every attempt and were set aside, by kind (each is also logged with its error).',
    labelNames: ['kind'],
  });

  const budgetStops = new Counter({
    ...on,
    name: 'sift_budget_stops_total',
    help: 'Jobs stopped because a model budget was spent, by budget (review, installation-day, installation-month).',
    labelNames: ['budget'],
  });

  const countUsage = (usage: ModelUsage) => {
    modelCalls.inc({ outcome: 'answered' }, usage.attempts - usage.failedCalls);
    modelCalls.inc({ outcome: 'failed' }, usage.failedCalls);
    tokens.inc({ kind: 'prompt' }, usage.promptTokens);
    tokens.inc({ kind: 'cached_prompt' }, usage.cachedPromptTokens);
    tokens.inc({ kind: 'completion' }, usage.completionTokens);
  };

  return {
    jobStarted(kind, waitedMs) {
      wait.observe({ kind }, waitedMs / 1000);
    },
    jobFinished(kind, result, sinceAcceptedMs) {
      jobs.inc({ kind, result });
      latency.observe({ kind }, sinceAcceptedMs / 1000);
    },
    reviewCompleted(outcome) {
      findings.inc({ fate: 'proposed' }, outcome.candidates.length);
      findings.inc({ fate: 'posted_inline' }, outcome.inline.length);
      findings.inc({ fate: 'posted_in_summary' }, outcome.summaryOnly.length);
      for (const [reason, count] of Object.entries(outcome.filtered))
        findings.inc({ fate: `held_back_${reason}` }, count ?? 0);
      unanchored.inc(outcome.filtered['line-not-in-diff'] ?? 0);
      countUsage(outcome.usage);
    },
    failed(kind) {
      errors.inc({ kind });
    },
    budgetStopped(budget) {
      budgetStops.inc({ budget });
    },
    deadLettered(kind) {
      deadLetters.inc({ kind });
    },
    watchQueue(read) {
      depth = read;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
