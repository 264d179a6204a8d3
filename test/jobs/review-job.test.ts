import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import type { JobPorts } from '../../src/jobs/job-ports.js';
import { type ReviewJob, runReviewJob } from '../../src/jobs/review-job.js';
import type { CheckRunReport } from '../../src/review/pull-request-host.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { FakePull } from '../support/fake-pull.js';
import { createScriptedModel, finding, lineIdOf } from '../support/scripted-model.js';

const model = createScriptedModel(
  {
    review: ({ prompt }) => {
      const line = lineIdOf(prompt, 'available > count');
      return line ? [finding({ startLineId: line, endLineId: line, title: 'Strict check' })] : [];
    },
  },
  { latencyMs: 20 },
);

function portsFor(pull: FakePull, reports: CheckRunReport[]): JobPorts {
  const host = pull.host();
  return {
    host: {
      ...host,
      startCheckRun: async () => ({ id: 1 }),
      finishCheckRun: async (_head, _run, report) => {
        reports.push(report);
      },
    },
    model,
    // Each run has its own store: two workers that each believe they hold the job.
    store: createInMemoryStore(),
    now: Date.now,
    caches: createSymbolCaches(),
    enqueue: async () => 'queued',
    log: pino({ level: 'silent' }),
    signal: new AbortController().signal,
    note: () => {},
  };
}

const job = (pull: FakePull, trigger: ReviewJob['trigger'], deliveryId: string): ReviewJob => ({
  installationId: 1,
  owner: 'acme',
  repo: 'inventory',
  pullNumber: pull.number,
  headSha: pull.sha(),
  baseRef: 'main',
  trigger,
  scope: { kind: 'auto' },
  deliveryId,
});

describe('the review job, just before it posts', () => {
  it('one job run twice at once (a worker thought lost) › one review; the later run says the review is posted', async () => {
    const pull = new FakePull(7);
    const reports: CheckRunReport[] = [];
    const twice = job(pull, 'opened', 'delivery-1');
    const results = await Promise.all([
      runReviewJob(twice, portsFor(pull, reports)),
      runReviewJob(twice, portsFor(pull, reports)),
    ]);
    expect(pull.reviews).toHaveLength(1);
    expect(pull.reviews[0]?.jobId).toBe('delivery-1');
    expect(results.sort()).toEqual(['already-reviewed', 'posted']);
    expect(reports.map((report) => report.title)).toContain('Review posted');
  });

  it('two /review commands on one head › two reviews: a person asked twice', async () => {
    const pull = new FakePull(8);
    const reports: CheckRunReport[] = [];
    await runReviewJob(job(pull, 'command', 'comment-1'), portsFor(pull, reports));
    await runReviewJob(job(pull, 'command', 'comment-2'), portsFor(pull, reports));
    expect(pull.reviews.map((review) => review.jobId)).toEqual(['comment-1', 'comment-2']);
  });

  it('the same /review command run twice at once › one review', async () => {
    const pull = new FakePull(9);
    const command = job(pull, 'command', 'comment-3');
    await Promise.all([runReviewJob(command, portsFor(pull, [])), runReviewJob(command, portsFor(pull, []))]);
    expect(pull.reviews).toHaveLength(1);
  });
});
