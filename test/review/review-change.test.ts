import { describe, expect, it } from 'vitest';
import { type RepoConfig, repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import { parseGitHubFile } from '../../src/diff/parse-github-file.js';
import { BudgetExceededError, ModelUnavailableError } from '../../src/errors.js';
import type { ModelClient } from '../../src/llm/model-client.js';
import { NO_USAGE } from '../../src/llm/usage.js';
import { reviewChange } from '../../src/review/review-change.js';
import type { Change } from '../../src/review/types.js';
import { jsonFixture } from '../support/fixtures.js';
import { createScriptedModel, finding, type ModelScript } from '../support/scripted-model.js';

/** The inventory fixture's pull request: F1 src/format/price.ts, F2 src/legacy.ts, F3 src/stock.ts. */
const change: Change = {
  repository: { owner: 'acme', repo: 'inventory', htmlUrl: 'https://github.com/acme/inventory' },
  title: 'Reserve stock strictly',
  body: '',
  base: { ref: 'main', sha: '2adf080edc8fd291d686f9f687c05cd2a3935f5c' },
  head: { ref: 'stock-rules', sha: '60c8b975d5898e70e1416c00031e7c02f2365bdb' },
  commitMessages: [],
  files: jsonFixture<Parameters<typeof parseGitHubFile>[0][]>('github/inventory/pulls.listFiles.json').map(
    parseGitHubFile,
  ),
};

const RESERVE = finding({
  startLineId: 'F3:R6',
  endLineId: 'F3:R6',
  title: 'reserve() refuses to sell the last units',
  body: 'With `available === count` the `<=` returns false.',
});
const RANGE = finding({
  startLineId: 'F1:R10',
  endLineId: 'F1:R10',
  title: 'formatRange prints reversed ranges',
  body: 'Nothing orders `low` and `high`.',
});

function config(overrides: Partial<Record<keyof RepoConfig, unknown>> = {}): RepoConfig {
  return repoConfigSchema.parse({ context: { tokenBudget: 0 }, ...overrides });
}

async function review(
  script: ModelScript,
  overrides: Partial<Record<keyof RepoConfig, unknown>> = {},
  model?: ModelClient,
) {
  const scripted = createScriptedModel(script);
  const outcome = await reviewChange(change, config(overrides), {
    model: model ?? scripted,
    caches: createSymbolCaches(),
  });
  return { outcome, requests: scripted.requests, titles: outcome.inline.map((item) => item.title) };
}

/** A script where each lens reports its own list of findings. */
const byLens =
  (lists: Record<string, Array<Record<string, unknown>>>): ModelScript['review'] =>
  ({ lens }) =>
    lists[lens] ?? [];

describe('reviewChange with an ensemble of four passes', () => {
  it('asks four passes with four lenses, then one verifier call for what could be posted', async () => {
    const { requests } = await review({ review: () => [RESERVE] });
    expect(requests.map((request) => request.role)).toEqual([
      'reviewer',
      'reviewer',
      'reviewer',
      'reviewer',
      'verifier',
    ]);
    const lastMessages = requests.slice(0, 4).map((request) => request.messages.at(-1)?.content ?? '');
    expect(new Set(lastMessages).size).toBe(4);
  });

  it('a finding from 1 of 4 passes › not posted, counted below the threshold', async () => {
    const { outcome, titles } = await review({ review: byLens({ security: [RESERVE] }) });
    expect(titles).toEqual([]);
    expect(outcome.candidates.map((candidate) => [candidate.finding.votes, candidate.outcome])).toEqual([
      [1, 'below-threshold'],
    ]);
  });

  it('a finding from 3 of 4 passes confirmed by the verifier › posted with its votes and confidence', async () => {
    const { outcome, titles } = await review({
      review: byLens({ correctness: [RESERVE], security: [RESERVE], 'cross-file-contracts': [RESERVE] }),
    });
    expect(titles).toEqual(['reserve() refuses to sell the last units']);
    expect(outcome.inline[0]).toMatchObject({ votes: 3, verdict: 'confirmed', confidence: 0.861 });
  });

  it('a finding every pass reports but the verifier rejects › removed', async () => {
    const { outcome, titles } = await review({
      review: () => [RESERVE],
      verify: (clusters) =>
        clusters.map((cluster) => ({ id: cluster.id, verdict: 'rejected', reason: 'handled above' })),
    });
    expect(titles).toEqual([]);
    expect(outcome.filtered).toEqual({ 'rejected-by-verifier': 1 });
  });

  it('passes wording one problem differently on nearby lines › one cluster, one comment, every vote counted', async () => {
    const { outcome } = await review({
      review: byLens({
        correctness: [RESERVE],
        security: [
          finding({
            startLineId: 'F3:R6',
            endLineId: 'F3:R7',
            title: 'Off by one in `reserve`',
            body: 'The `<=` check rejects an exact `available` count.',
          }),
        ],
        'concurrency-resources': [
          finding({
            startLineId: 'F3:R4',
            endLineId: 'F3:R6',
            title: 'reserve() rejects exact stock',
            body: '`available <= count` is false-negative when equal.',
          }),
        ],
      }),
    });
    expect(outcome.inline).toHaveLength(1);
    expect(outcome.inline[0]?.votes).toBe(3);
  });

  it('raising the threshold never adds comments', async () => {
    const script: ModelScript = {
      review: byLens({
        correctness: [RESERVE, RANGE],
        security: [RESERVE],
        'concurrency-resources': [
          RANGE,
          finding({
            startLineId: 'F3:L12',
            endLineId: 'F3:L14',
            category: 'api-contract',
            title: 'release() removed',
          }),
        ],
        'cross-file-contracts': [RESERVE],
      }),
      verify: (clusters) =>
        clusters.map((cluster) => ({
          id: cluster.id,
          verdict: cluster.text.includes('release') ? 'uncertain' : 'confirmed',
        })),
    };
    let previous: string[] | undefined;
    for (let threshold = 0; threshold <= 1.0001; threshold += 0.05) {
      const { titles } = await review(script, { threshold: Math.min(1, threshold) });
      if (previous) for (const title of titles) expect(previous).toContain(title);
      previous = titles;
    }
    expect(previous).toEqual([]);
  });

  it('a pass that fails › the review goes on with the other three and says which failed', async () => {
    const scripted = createScriptedModel({ review: () => [RESERVE] });
    let calls = 0;
    const flaky: ModelClient = {
      complete(request) {
        calls += 1;
        if (calls === 2) return Promise.reject(new ModelUnavailableError('upstream 503'));
        return scripted.complete(request);
      },
    };
    const { outcome } = await review({ review: () => [] }, {}, flaky);
    expect(outcome.passes).toEqual({
      planned: 4,
      failed: [
        {
          pass: 'security',
          reason: 'The model provider is unavailable (server error or connection failure).',
        },
      ],
    });
    expect(outcome.inline.map((item) => [item.votes, item.verdict])).toEqual([[3, 'confirmed']]);
  });

  it('a pass and the verifier that fail after retrying › their attempts are counted in the usage', async () => {
    const scripted = createScriptedModel({ review: () => [RESERVE] });
    const exhausted = (message: string) => {
      const error = new ModelUnavailableError(message);
      error.usage = { ...NO_USAGE, attempts: 3, failedCalls: 3 };
      return error;
    };
    let reviews = 0;
    const flaky: ModelClient = {
      complete(request) {
        if (request.role === 'verifier') return Promise.reject(exhausted('verifier down'));
        reviews += 1;
        if (reviews === 2) return Promise.reject(exhausted('upstream 503'));
        return scripted.complete(request);
      },
    };
    const { outcome } = await review({ review: () => [] }, {}, flaky);
    expect(outcome.usage).toEqual({
      calls: 3,
      attempts: 9,
      failedCalls: 6,
      promptTokens: 3_000,
      completionTokens: 300,
      cachedPromptTokens: 0,
    });
  });

  it('the verifier fails › findings are scored on agreement alone, and the failure is reported', async () => {
    const scripted = createScriptedModel({ review: () => [RESERVE] });
    const noVerifier: ModelClient = {
      complete(request) {
        if (request.role === 'verifier') return Promise.reject(new ModelUnavailableError('verifier down'));
        return scripted.complete(request);
      },
    };
    const { outcome } = await review({ review: () => [] }, {}, noVerifier);
    expect(outcome.inline.map((item) => [item.votes, item.verdict, item.confidence])).toEqual([
      [4, 'unverified', 0.757],
    ]);
    expect(outcome.verifierFailures).toEqual([
      'The model provider is unavailable (server error or connection failure).',
    ]);
  });

  it('a pass refused by a spent budget › the review stops with the budget, not as one failed pass', async () => {
    const scripted = createScriptedModel({ review: () => [RESERVE] });
    let calls = 0;
    const overBudget: ModelClient = {
      complete(request) {
        calls += 1;
        if (calls === 3) return Promise.reject(new BudgetExceededError('installation-day', 5_100, 5_000));
        return scripted.complete(request);
      },
    };
    await expect(review({ review: () => [] }, {}, overBudget)).rejects.toMatchObject({
      name: 'BudgetExceededError',
      budget: 'installation-day',
    });
    // The passes in flight were let finish (and so counted) before the review stopped.
    expect(scripted.requests.filter((request) => request.role === 'reviewer')).toHaveLength(3);
  });

  it('the verifier refused by a spent budget › the review stops rather than post unverified findings', async () => {
    const scripted = createScriptedModel({ review: () => [RESERVE] });
    const overBudget: ModelClient = {
      complete(request) {
        if (request.role === 'verifier')
          return Promise.reject(new BudgetExceededError('review', 4_400, 4_000));
        return scripted.complete(request);
      },
    };
    await expect(review({ review: () => [] }, {}, overBudget)).rejects.toMatchObject({ budget: 'review' });
  });

  it('every pass fails › the review fails with the model error', async () => {
    const down: ModelClient = { complete: () => Promise.reject(new ModelUnavailableError('down')) };
    await expect(review({ review: () => [] }, {}, down)).rejects.toBeInstanceOf(ModelUnavailableError);
  });

  it('over budget.maxModelCalls › fewer passes, and the check run is told why', async () => {
    const { outcome, requests } = await review({ review: () => [RESERVE] }, { budget: { maxModelCalls: 3 } });
    expect(requests.filter((request) => request.role === 'reviewer')).toHaveLength(2);
    expect(outcome.budgetNotes).toEqual([
      '2 of 4 review passes ran, to stay within the review budget (budget.maxModelCalls, budget.maxTokens).',
    ]);
  });

  it('a budget that leaves one of four passes › its finding is one vote of four, not unanimous, and is held back', async () => {
    const { outcome, requests } = await review({ review: () => [RESERVE] }, { budget: { maxModelCalls: 2 } });
    expect(requests.filter((request) => request.role === 'reviewer')).toHaveLength(1);
    expect(outcome.inline).toEqual([]);
    expect(outcome.candidates.map((candidate) => [candidate.finding.votes, candidate.outcome])).toEqual([
      [1, 'below-threshold'],
    ]);
  });

  it('with one pass configured › one general pass, verified', async () => {
    const { outcome, requests } = await review({ review: () => [RESERVE] }, { ensemble: { passes: 1 } });
    expect(requests.map((request) => request.role)).toEqual(['reviewer', 'verifier']);
    expect(outcome.inline.map((item) => [item.votes, item.confidence])).toEqual([[1, 0.97]]);
  });
});

describe('reviewChange with text that spells special tokens', () => {
  it('a description and a diff containing <|endoftext|> › reviewed, the text sent to the model as written', async () => {
    const tokenizer = parseGitHubFile({
      filename: 'src/tokenizer.ts',
      status: 'modified',
      additions: 1,
      deletions: 0,
      changes: 1,
      patch: "@@ -1,1 +1,2 @@\n export const BOS = '<|im_start|>';\n+export const EOS = '<|endoftext|>';",
    });
    const scripted = createScriptedModel({ review: () => [] });
    const outcome = await reviewChange(
      {
        ...change,
        body: 'Ends every sample with <|endoftext|> so the model stops.',
        files: [...change.files, tokenizer],
      },
      config(),
      { model: scripted, caches: createSymbolCaches() },
    );
    expect(outcome.reviewedFiles.map((file) => file.file.path)).toContain('src/tokenizer.ts');
    const prompt = scripted.requests[0]?.messages.map((message) => message.content).join('\n') ?? '';
    expect(prompt).toContain('Ends every sample with <|endoftext|> so the model stops.');
    expect(prompt).toContain("export const EOS = '<|endoftext|>';");
  });
});
