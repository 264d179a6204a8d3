import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../src/config/repo-config-schema.js';
import { judgeFindings } from '../../../src/review/learnings/judge-findings.js';
import { learningId } from '../../../src/review/learnings/learning-id.js';
import type { FeedbackSignal } from '../../../src/review/learnings/learning-types.js';
import { reviewLearnings } from '../../../src/review/learnings/review-learnings.js';
import { couldBePosted, scoreFindings } from '../../../src/review/score-findings/score-findings.js';
import type { LocatedFinding } from '../../../src/review/types.js';
import type { Cluster } from '../../../src/review/verify-findings/cluster-findings.js';
import {
  learnings,
  onAnotherPull,
  REPOSITORY,
  REVERSED_RANGE,
  SAFETY_STOCK,
  signal,
} from '../learnings/learning-factories.js';

/** The safety-stock check again, in a new function on a later pull request. */
const AGAIN: LocatedFinding = {
  pass: 'correctness',
  category: 'bug',
  severity: 'major',
  title: '`reserveBatch` refuses to sell the last units in stock',
  body: 'With `left === wanted` the `<=` refuses an order for exactly the units left.',
  evidence: [],
  suggestion: null,
  path: 'src/orders/batch.ts',
  side: 'RIGHT',
  startLine: 12,
  endLine: 12,
  withinOneHunk: true,
  code: ['    if (left <= wanted) return false;'],
  symbol: 'reserveBatch',
  symbolKind: 'function',
};

/** A real off-by-one described in the same words as the dismissed finding, on a loop. */
const OFF_BY_ONE: LocatedFinding = {
  ...AGAIN,
  title: '`restock` skips the last units in stock',
  body: 'With `i === count` the `<=` loop reads past the units left, so an order for exactly the units left is lost.',
  startLine: 20,
  endLine: 20,
  code: ['  for (let i = 0; i <= units.length; i += 1) restocked += units[i];'],
  symbol: 'restock',
};

const cluster = (finding: LocatedFinding, votes: number, id: string): Cluster => ({
  id,
  representative: finding,
  members: [finding],
  passes: ['correctness', 'security', 'concurrency-resources', 'cross-file-contracts'].slice(0, votes),
});

function score(signals: FeedbackSignal[], clusters: Cluster[], alreadySaid = false) {
  const learned = reviewLearnings(REPOSITORY, learnings(signals), null, 0.7);
  return scoreFindings(
    clusters,
    new Map(
      clusters.map((item) => [item.id, { verdict: 'confirmed' as const, reason: 'scripted', evidence: [] }]),
    ),
    { threshold: 0.7, maxComments: 5, categories: DEFAULT_CATEGORIES },
    { passes: 4, learnings: learned, alreadySaid: () => alreadySaid },
  );
}

const fates = (result: ReturnType<typeof score>) =>
  result.candidates.map((candidate) => [
    candidate.finding.title,
    candidate.outcome,
    candidate.finding.confidence,
  ]);

describe('scoreFindings with learnings', () => {
  const dismissedOn7 = signal(SAFETY_STOCK, 'thumbs-down', { pull: 7, by: 'hubot' });

  it('a reviewer dismissed one like it › held back, naming the learning; a real defect described alike › posted', () => {
    const result = score([dismissedOn7], [cluster(AGAIN, 4, 'C1'), cluster(OFF_BY_ONE, 4, 'C2')]);
    expect(fates(result)).toEqual([
      ['`reserveBatch` refuses to sell the last units in stock', 'similar-to-dismissed', 0.97],
      ['`restock` skips the last units in stock', 'posted', 0.97],
    ]);
    expect(result.candidates[0]?.dismissedLike).toEqual([
      { id: learningId('finding', REPOSITORY, 7, SAFETY_STOCK.fingerprint), pullNumber: 7 },
    ]);
    expect(result.filtered).toEqual({ 'similar-to-dismissed': 1 });
  });

  it("the author's own dispute alone › posted, with a lowered confidence", () => {
    const result = score(
      [signal(SAFETY_STOCK, 'disputed', { role: 'author-writer', by: 'octocat' })],
      [cluster(AGAIN, 4, 'C1')],
    );
    expect(fates(result)).toEqual([
      ['`reserveBatch` refuses to sell the last units in stock', 'posted', 0.895],
    ]);
  });

  it("the author's dispute, on a finding only just over the threshold › lowered under it: similar-to-dismissed", () => {
    const result = score(
      [signal(SAFETY_STOCK, 'disputed', { role: 'author-writer', by: 'octocat' })],
      [cluster(AGAIN, 2, 'C1')],
    );
    expect(fates(result)).toEqual([
      ['`reserveBatch` refuses to sell the last units in stock', 'similar-to-dismissed', 0.677],
    ]);
  });

  it('already posted on this pull request as well › said so, not blamed on learnings', () => {
    const result = score([dismissedOn7], [cluster(AGAIN, 4, 'C1')], true);
    expect(result.filtered).toEqual({ 'already-posted': 1 });
  });

  it('the team keeps dismissing bugs › the bug threshold rises, and a finding at 0.75 falls under it', () => {
    const dismissed = Array.from({ length: 30 }, (_, n) =>
      signal(onAnotherPull(REVERSED_RANGE, n), 'thumbs-down', { pull: 100 + n }),
    );
    const result = score(dismissed, [cluster(AGAIN, 2, 'C1')]);
    expect(fates(result)).toEqual([
      ['`reserveBatch` refuses to sell the last units in stock', 'below-threshold', 0.752],
    ]);
  });

  it('the team keeps fixing bugs › the bug threshold falls, so a one-vote finding is worth verifying', () => {
    const fixed = Array.from({ length: 300 }, (_, n) =>
      signal(onAnotherPull(REVERSED_RANGE, n), 'fixed', { pull: 100 + n }),
    );
    const learned = reviewLearnings(REPOSITORY, learnings(fixed), null, 0.7);
    const config = { categories: DEFAULT_CATEGORIES, threshold: 0.7 };
    expect(judgeFindings(REPOSITORY, learnings(fixed))).toHaveLength(300);
    expect(couldBePosted(cluster(AGAIN, 1, 'C1'), config, 4)).toBe(false);
    expect(couldBePosted(cluster(AGAIN, 1, 'C1'), config, 4, learned)).toBe(true);
  });
});
