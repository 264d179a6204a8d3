import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { resolveRepoConfig } from '../../src/config/resolve-repo-config.js';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import { createSpendMeter, type InstallationBudgets } from '../../src/jobs/create-spend-meter.js';
import type { JobPorts } from '../../src/jobs/job-ports.js';
import { type ReviewJob, runReviewJob } from '../../src/jobs/review-job.js';
import type { ModelClient } from '../../src/llm/model-client.js';
import type { CheckRunReport } from '../../src/review/pull-request-host.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import type { SiftStore } from '../../src/store/sift-store.js';
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

function portsFor(
  pull: FakePull,
  reports: CheckRunReport[],
  options: {
    model?: ModelClient;
    config?: Record<string, unknown>;
    budgets?: InstallationBudgets;
    store?: SiftStore;
    now?: () => number;
  } = {},
): JobPorts {
  const host = pull.host();
  // Each run has its own store unless given one: two workers that each believe they hold the job.
  const store = options.store ?? createInMemoryStore();
  const now = options.now ?? Date.now;
  const spend = createSpendMeter(options.model ?? model, {
    store,
    installationId: 1,
    budgets: options.budgets,
    now,
  });
  return {
    host: {
      ...host,
      ...(options.config
        ? {
            readConfig: async () => ({
              config: resolveRepoConfig(options.config).config,
              problems: [],
              layers: [],
            }),
          }
        : {}),
      startCheckRun: async () => ({ id: 1 }),
      finishCheckRun: async (_head, _run, report) => {
        reports.push(report);
      },
    },
    model: spend.model,
    spend,
    store,
    plan: async () => null,
    now,
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

describe('the review job, on a budget', () => {
  const DEC_3 = Date.UTC(2026, 11, 3, 15, 0);
  /** Each call bills 8,000 tokens: three passes spend 24,000. */
  const costly = () =>
    createScriptedModel(
      {
        review: ({ prompt }) => {
          const line = lineIdOf(prompt, 'available > count');
          return line ? [finding({ startLineId: line, endLineId: line, title: 'Strict check' })] : [];
        },
      },
      { usage: { promptTokens: 7_000, completionTokens: 1_000, cachedPromptTokens: 0 } },
    );

  it('passes that spend past budget.maxTokens › stopped before verifying: a neutral check run names budget.maxTokens; nothing posted', async () => {
    const pull = new FakePull(10);
    const reports: CheckRunReport[] = [];
    const model = costly();
    // 20,000 tokens: the estimate fits three passes of this small diff; they really spend 24,000.
    const config = { budget: { maxTokens: 20_000 }, context: { tokenBudget: 0 } };
    const result = await runReviewJob(
      job(pull, 'opened', 'delivery-10'),
      portsFor(pull, reports, { model, config }),
    );
    expect(result).toBe('over-budget');
    expect(pull.reviews).toEqual([]);
    expect(model.requests.map((request) => request.role)).toEqual(['reviewer', 'reviewer', 'reviewer']);
    expect(reports.at(-1)).toEqual({
      conclusion: 'neutral',
      title: 'Review stopped: model budget spent',
      summary: [
        `Sift stopped reviewing commit \`${pull.sha().slice(0, 7)}\`: this review's token budget (\`budget.maxTokens\`) is used up, 24,000 tokens spent of 20,000. Nothing was posted: Sift does not post a review it could not finish verifying.`,
        '',
        'To review this pull request in full, raise `budget.maxTokens` in `.github/sift.yml` on the base branch (or leave paths out with `paths.ignore`), then use **Re-run** on this check.',
      ].join('\n'),
    });
  });

  it('an installation that spent its daily budget › not reviewed: the check run says until when and which setting raises it', async () => {
    const pull = new FakePull(11);
    const reports: CheckRunReport[] = [];
    const model = costly();
    const store = createInMemoryStore();
    await store.addSpend(1, 1_000_000, DEC_3 - 3_600_000);
    const ports = portsFor(pull, reports, {
      model,
      store,
      budgets: { dailyTokens: 1_000_000 },
      now: () => DEC_3,
    });
    expect(await runReviewJob(job(pull, 'opened', 'delivery-11'), ports)).toBe('over-budget');
    expect(model.requests).toEqual([]);
    expect(pull.reviews).toEqual([]);
    expect(reports.at(-1)).toEqual({
      conclusion: 'neutral',
      title: 'Not reviewed: model budget spent',
      summary: [
        `Sift did not review commit \`${pull.sha().slice(0, 7)}\`: this installation's daily model budget is used up, 1,000,000 tokens spent of 1,000,000 today (UTC). Nothing was posted.`,
        '',
        'The budget starts over at 00:00 UTC on 2026-12-04; push a commit or use **Re-run** on this check after that. Whoever runs Sift can raise it by setting `SIFT_INSTALLATION_DAILY_TOKENS` (now 1,000,000) in its environment.',
      ].join('\n'),
    });
    // Not reviewed is not reviewed: the next push or a Re-run once the budget starts over reviews it.
    expect(await store.lastReviewedHead('acme/inventory#11')).toBeNull();
  });

  it('an installation that spent its monthly budget › the check run says it starts over on the 1st', async () => {
    const pull = new FakePull(12);
    const reports: CheckRunReport[] = [];
    const store = createInMemoryStore();
    await store.addSpend(1, 30_000_000, Date.UTC(2026, 11, 1));
    const ports = portsFor(pull, reports, {
      store,
      budgets: { dailyTokens: 5_000_000, monthlyTokens: 30_000_000 },
      now: () => DEC_3,
    });
    await runReviewJob(job(pull, 'opened', 'delivery-12'), ports);
    expect(reports.at(-1)?.summary).toContain('monthly model budget is used up');
    expect(reports.at(-1)?.summary).toContain('starts over at 00:00 UTC on 2027-01-01');
    expect(reports.at(-1)?.summary).toContain('`SIFT_INSTALLATION_MONTHLY_TOKENS` (now 30,000,000)');
  });

  it('a review under every budget › posted as usual, its spend added to the installation', async () => {
    const pull = new FakePull(13);
    const reports: CheckRunReport[] = [];
    const store = createInMemoryStore();
    const ports = portsFor(pull, reports, {
      model: costly(),
      store,
      budgets: { dailyTokens: 1_000_000 },
      now: () => DEC_3,
    });
    expect(await runReviewJob(job(pull, 'opened', 'delivery-13'), ports)).toBe('posted');
    // Four passes and one verifier call, 8,000 tokens each.
    expect(await store.spendOf(1, DEC_3)).toEqual({ day: 40_000, month: 40_000 });
  });
});
