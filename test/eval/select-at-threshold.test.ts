import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/config/repo-config-schema.js';
import { DEFAULT_CATEGORIES } from '../../src/config/repo-config-schema.js';
import { selectAtThreshold } from '../../src/eval/select-at-threshold.js';
import { scoreFindings } from '../../src/review/score-findings/score-findings.js';
import type { Candidate, LocatedFinding, Severity, Verdict } from '../../src/review/types.js';
import type { Cluster } from '../../src/review/verify-findings/cluster-findings.js';
import type { Verification } from '../../src/review/verify-findings/verify-clusters.js';
import { candidate } from './factories.js';

const titles = (candidates: readonly Candidate[], threshold: number, maxComments = 5) =>
  selectAtThreshold(candidates, threshold, maxComments).map((finding) => finding.title);

describe('selectAtThreshold', () => {
  it('no candidates › nothing posted', () => {
    expect(selectAtThreshold([], 0, 5)).toEqual([]);
  });

  it.each([
    ['category-off', []],
    ['rejected-by-verifier', []],
    ['duplicate', []],
    ['already-posted', []],
    ['below-threshold', ['it']],
    ['over-max-comments', ['it']],
    ['posted', ['it']],
  ] as const)('a candidate recorded as %s › posted at a low threshold: %j', (outcome, posted) => {
    expect(titles([candidate({ title: 'it', confidence: 0.9 }, outcome)], 0.1)).toEqual(posted);
  });

  it.each([
    [0.5, ['a', 'b', 'c']],
    [0.7, ['a', 'b']],
    [0.700001, ['a']],
    [0.95, []],
  ])('threshold %s › posts the candidates at or above it: %j', (threshold, posted) => {
    const candidates = [
      candidate({ title: 'c', confidence: 0.5 }, 'below-threshold'),
      candidate({ title: 'a', confidence: 0.9 }),
      candidate({ title: 'b', confidence: 0.7 }),
    ];
    expect(titles(candidates, threshold)).toEqual(posted);
  });

  it('equal confidence › the more severe first, then by path, then by line', () => {
    const candidates = [
      candidate({ title: 'minor', severity: 'minor', confidence: 0.8 }),
      candidate({ title: 'b.ts:5', path: 'b.ts', startLine: 5, confidence: 0.8 }),
      candidate({ title: 'a.ts:9', path: 'a.ts', startLine: 9, confidence: 0.8 }),
      candidate({ title: 'a.ts:2', path: 'a.ts', startLine: 2, confidence: 0.8 }),
      candidate({ title: 'critical', severity: 'critical', confidence: 0.8 }),
      candidate({ title: 'surest', severity: 'minor', confidence: 0.81 }),
    ];
    expect(titles(candidates, 0.5, 10)).toEqual([
      'surest',
      'critical',
      'a.ts:2',
      'a.ts:9',
      'b.ts:5',
      'minor',
    ]);
  });

  it('more candidates than maxComments › keeps the most confident', () => {
    const candidates = [0.6, 0.9, 0.8, 0.7].map((confidence) =>
      candidate({ title: String(confidence), confidence }, confidence < 0.7 ? 'below-threshold' : 'posted'),
    );
    expect(titles(candidates, 0.5, 2)).toEqual(['0.9', '0.8']);
  });

  it('a candidate under the review threshold repeating a fingerprint above it › posted once', () => {
    const candidates = [
      candidate({ title: 'first', confidence: 0.9, fingerprint: 'same' }),
      candidate({ title: 'repeat', confidence: 0.6, fingerprint: 'same' }, 'below-threshold'),
    ];
    expect(titles(candidates, 0.5)).toEqual(['first']);
  });

  it('a fingerprint first seen on a rejected candidate › never posted', () => {
    const candidates = [
      candidate({ title: 'rejected', confidence: 0.9, fingerprint: 'same' }, 'rejected-by-verifier'),
      candidate({ title: 'again', confidence: 0.6, fingerprint: 'same' }, 'below-threshold'),
    ];
    expect(titles(candidates, 0.5)).toEqual([]);
  });
});

describe('selectAtThreshold against scoreFindings', () => {
  const PASSES = ['correctness', 'security', 'concurrency-resources', 'cross-file-contracts'];
  let next = 0;
  function cluster(
    title: string,
    options: { votes: number; verdict?: Verdict; severity?: Severity; category?: Category; code?: string },
  ): [Cluster, Verification] {
    next += 1;
    const representative: LocatedFinding = {
      pass: 'correctness',
      category: options.category ?? 'bug',
      severity: options.severity ?? 'major',
      title,
      body: 'It fails for some input.',
      evidence: [],
      suggestion: null,
      path: `src/${title.split(' ')[0]}.ts`,
      side: 'RIGHT',
      startLine: next,
      endLine: next,
      withinOneHunk: true,
      code: [options.code ?? `  step${next}();`],
      symbol: null,
    };
    return [
      { id: `C${next}`, representative, members: [representative], passes: PASSES.slice(0, options.votes) },
      { verdict: options.verdict ?? 'confirmed', reason: 'scripted', evidence: [] },
    ];
  }
  // Every fate score-findings can give, and confidences on both sides of most thresholds.
  const entries = [
    cluster('one vote', { votes: 1 }),
    cluster('one vote minor', { votes: 1, severity: 'minor' }),
    cluster('two votes', { votes: 2 }),
    cluster('two votes critical', { votes: 2, severity: 'critical' }),
    cluster('three uncertain', { votes: 3, verdict: 'uncertain' }),
    cluster('four unverified', { votes: 4, verdict: 'unverified' }),
    cluster('four confirmed', { votes: 4 }),
    cluster('rejected', { votes: 4, verdict: 'rejected' }),
    cluster('style nit', { votes: 4, category: 'style' }),
    cluster('same code', { votes: 3, code: 'return total;' }),
    cluster('same code again', { votes: 2, code: 'return total;' }),
    cluster('same code once more', { votes: 1, code: 'return total;' }),
  ];
  const score = (threshold: number, maxComments: number) =>
    scoreFindings(
      entries.map(([c]) => c),
      new Map(entries.map(([c, v]) => [c.id, v])),
      { threshold, maxComments, categories: DEFAULT_CATEGORIES },
      { passes: 4 },
    );

  it.each([0.7, 0.5])(
    'at the threshold the review ran with (%s) › exactly the findings it kept',
    (threshold) => {
      const review = score(threshold, 4);
      expect(review.kept.length).toBeGreaterThan(0);
      expect(selectAtThreshold(review.candidates, threshold, 4)).toEqual(review.kept);
    },
  );

  it.each(Array.from({ length: 21 }, (_, step) => step / 20))(
    'a review at 0.7 rescored at %s › what a review at that threshold keeps',
    (threshold) => {
      const recorded = score(0.7, 6).candidates;
      expect(selectAtThreshold(recorded, threshold, 6)).toEqual(score(threshold, 6).kept);
    },
  );
});
