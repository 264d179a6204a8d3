import { describe, expect, it } from 'vitest';
import { type Category, DEFAULT_CATEGORIES } from '../../../src/config/repo-config-schema.js';
import { computeConfidence } from '../../../src/review/score-findings/compute-confidence.js';
import { couldBePosted, scoreFindings } from '../../../src/review/score-findings/score-findings.js';
import type { LocatedFinding, Severity, Verdict } from '../../../src/review/types.js';
import type { Cluster } from '../../../src/review/verify-findings/cluster-findings.js';
import type { Verification } from '../../../src/review/verify-findings/verify-clusters.js';

function located(title: string, overrides: Partial<LocatedFinding> = {}): LocatedFinding {
  return {
    pass: 'correctness',
    category: 'bug',
    severity: 'major',
    title,
    body: 'It fails for some input.',
    evidence: [],
    suggestion: null,
    path: 'src/stock.ts',
    side: 'RIGHT',
    startLine: 10,
    endLine: 10,
    withinOneHunk: true,
    code: [`  doSomething(); // ${title}`],
    symbol: null,
    ...overrides,
  };
}

let next = 0;
/** A cluster found by `votes` passes, with its verdict. */
function cluster(
  title: string,
  options: {
    votes?: number;
    verdict?: Verdict;
    severity?: Severity;
    category?: Category;
    code?: string[];
  } = {},
): [Cluster, Verification] {
  next += 1;
  const representative = located(title, {
    severity: options.severity ?? 'major',
    category: options.category ?? 'bug',
    ...(options.code ? { code: options.code } : {}),
  });
  const passes = ['correctness', 'security', 'concurrency-resources', 'cross-file-contracts'].slice(
    0,
    options.votes ?? 4,
  );
  return [
    { id: `C${next}`, representative, members: [representative], passes },
    { verdict: options.verdict ?? 'confirmed', reason: 'scripted', evidence: [] },
  ];
}

function score(
  entries: Array<[Cluster, Verification]>,
  config: { threshold?: number; maxComments?: number; categories?: Category[] } = {},
  alreadyPosted?: ReadonlySet<string>,
) {
  return scoreFindings(
    entries.map(([c]) => c),
    new Map(entries.map(([c, v]) => [c.id, v])),
    {
      threshold: config.threshold ?? 0.7,
      maxComments: config.maxComments ?? 5,
      categories: config.categories ?? DEFAULT_CATEGORIES,
    },
    { passes: 4, alreadySaid: (finding) => alreadyPosted?.has(finding.fingerprint) ?? false },
  );
}

const outcomes = (result: ReturnType<typeof score>) =>
  result.candidates.map((candidate) => [
    candidate.finding.title,
    candidate.outcome,
    candidate.finding.confidence,
  ]);

describe('scoreFindings', () => {
  it('no clusters › nothing kept, nothing counted', () => {
    expect(score([])).toEqual({ kept: [], candidates: [], filtered: {} });
  });

  it('gives every cluster one fate, most confident first, and counts what was held back', () => {
    const result = score(
      [
        cluster('found by one pass', { votes: 1 }),
        cluster('found by three, confirmed', { votes: 3 }),
        cluster('rejected by the verifier', { votes: 4, verdict: 'rejected' }),
        cluster('a style nit', { votes: 4, category: 'style' }),
        cluster('found by all, verifier down', { votes: 4, verdict: 'unverified' }),
      ],
      { threshold: 0.7 },
    );
    expect(outcomes(result)).toEqual([
      ['a style nit', 'category-off', 0.97],
      ['found by three, confirmed', 'posted', 0.861],
      ['found by all, verifier down', 'posted', 0.757],
      ['found by one pass', 'below-threshold', 0.643],
      ['rejected by the verifier', 'rejected-by-verifier', 0],
    ]);
    expect(result.filtered).toEqual({ 'category-off': 1, 'below-threshold': 1, 'rejected-by-verifier': 1 });
  });

  it('over maxComments › keeps the most confident and counts the rest', () => {
    const result = score(
      [
        cluster('minor', { severity: 'minor' }),
        cluster('critical', { severity: 'critical' }),
        cluster('major'),
      ],
      { maxComments: 2 },
    );
    expect(result.kept.map((finding) => finding.title)).toEqual(['critical', 'major']);
    expect(result.filtered).toEqual({ 'over-max-comments': 1 });
  });

  it('with findings already posted on the pull request › never posts them again', () => {
    const [repeat, verification] = cluster('said before');
    const first = score([[repeat, verification]]);
    const fingerprint = first.kept[0]?.fingerprint ?? '';
    const again = score([[repeat, verification], cluster('new')], {}, new Set([fingerprint]));
    expect(outcomes(again).map(([title, outcome]) => [title, outcome])).toEqual([
      ['said before', 'already-posted'],
      ['new', 'posted'],
    ]);
  });

  it('two clusters on the same code and category › the second is a duplicate', () => {
    const code = ['  return total;'];
    const result = score([cluster('one wording', { code }), cluster('another wording', { code })]);
    expect(result.candidates.map((candidate) => candidate.outcome)).toEqual(['posted', 'duplicate']);
  });

  it.each([0, 0.3, 0.5, 0.65, 0.7, 0.75, 0.8, 0.9, 0.99])(
    'threshold %s › every posted finding clears it',
    (threshold) => {
      const result = score(
        [
          cluster('a', { votes: 1 }),
          cluster('b', { votes: 2 }),
          cluster('c', { votes: 3, verdict: 'uncertain' }),
          cluster('d'),
        ],
        { threshold },
      );
      for (const finding of result.kept) expect(finding.confidence).toBeGreaterThanOrEqual(threshold);
    },
  );
});

describe('the threshold itself', () => {
  const exactly = computeConfidence({ votes: 2, passes: 4, verdict: 'confirmed', severity: 'major' });

  it('a finding whose confidence equals the threshold › posted (the threshold is a minimum)', () => {
    const result = score([cluster('at the bar', { votes: 2 })], { threshold: exactly });
    expect(outcomes(result)).toEqual([['at the bar', 'posted', exactly]]);
  });

  it('a finding a thousandth under the threshold › held back', () => {
    const result = score([cluster('under the bar', { votes: 2 })], { threshold: exactly + 0.001 });
    expect(outcomes(result)).toEqual([['under the bar', 'below-threshold', exactly]]);
  });
});

describe('couldBePosted (which clusters are worth a verifier call)', () => {
  const config = { categories: [...DEFAULT_CATEGORIES], threshold: 0.7 };

  it('a cluster whose best possible confidence equals the threshold › worth verifying', () => {
    const [candidate] = cluster('at the bar', { votes: 2 });
    const best = computeConfidence({ votes: 2, passes: 4, verdict: 'confirmed', severity: 'major' });
    expect(couldBePosted(candidate, { ...config, threshold: best }, 4)).toBe(true);
    expect(couldBePosted(candidate, { ...config, threshold: best + 0.001 }, 4)).toBe(false);
  });

  it.each([
    ['two votes of four, major', { votes: 2 }, true],
    ['one vote of four, major: below 0.7 even if confirmed', { votes: 1 }, false],
    ['four votes, in a category the repository turned off', { votes: 4, category: 'style' as const }, false],
  ])('%s › %s', (_, options, expected) => {
    const [candidate] = cluster('Off-by-one', options);
    expect(couldBePosted(candidate, config, 4)).toBe(expected);
  });
});
