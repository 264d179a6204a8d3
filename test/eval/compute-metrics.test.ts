import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/eval/compute-metrics.js';
import { candidate, caseResult, expectedFinding } from './factories.js';

// Four cases, scored by hand below at the review threshold of 0.7.
const negativeTotal = expectedFinding({
  path: 'src/a.ts',
  start_line: 10,
  end_line: 10,
  note: '`total` goes negative.',
});
const found = candidate({
  path: 'src/a.ts',
  startLine: 11,
  endLine: 11,
  title: '`total` can go negative',
  confidence: 0.9,
});
const secondFind = candidate(
  {
    path: 'src/a.ts',
    startLine: 10,
    endLine: 10,
    title: 'total underflows',
    body: 'see `total`',
    confidence: 0.6,
  },
  'below-threshold',
);
const wrongAlarm = candidate({
  path: 'src/a.ts',
  startLine: 40,
  endLine: 40,
  category: 'security',
  confidence: 0.8,
});
const single = caseResult('single', [negativeTotal], [found, wrongAlarm, secondFind]);

const clean = caseResult(
  'clean',
  [],
  [
    candidate({ path: 'src/b.ts', category: 'performance', confidence: 0.75 }),
    candidate({ path: 'src/b.ts', startLine: 20, endLine: 20, confidence: 0.72 }),
    candidate({ path: 'src/b.ts', startLine: 30, endLine: 30, confidence: 0.9 }, 'rejected-by-verifier'),
  ],
);

const secondsNow = expectedFinding({
  path: 'src/c.ts',
  start_line: 5,
  end_line: 5,
  category: 'api-contract',
  note: '`parse()` now returns seconds.',
});
const tokenLogged = expectedFinding({
  path: 'src/c.ts',
  start_line: 50,
  end_line: 50,
  category: 'security',
  note: '`token` is logged.',
});
// Filed as a bug: same family as api-contract, so it matches; it counts for bug precision.
const asBug = candidate({
  path: 'src/c.ts',
  startLine: 6,
  endLine: 6,
  title: 'parse() returns seconds',
  confidence: 0.8,
});
const crossFile = caseResult('cross', [secondsNow, tokenLogged], [asBug]);

const failed = caseResult(
  'failed',
  [expectedFinding({ path: 'src/d.ts', start_line: 1, end_line: 1 })],
  [candidate({ path: 'src/d.ts', startLine: 1, endLine: 1, confidence: 0.9 })],
  { error: 'the model did not answer' },
);

const results = [single, clean, crossFile, failed];

describe('computeMetrics', () => {
  it('no cases › nothing posted, nothing missed, no ratio defined', () => {
    expect(computeMetrics([], 0.7)).toEqual({
      metrics: {
        truePositives: 0,
        falsePositives: 0,
        falseNegatives: 0,
        precision: null,
        recall: null,
        f1: null,
        f05: null,
        commentsPerPr: 0,
      },
      perCategory: {},
      postedByCase: new Map(),
      matchesByCase: new Map(),
    });
  });

  it('four cases at 0.7 › 5 posted, 2 matched of 4 expected; the failed case misses its one', () => {
    const { metrics } = computeMetrics(results, 0.7);
    expect(metrics).toEqual({
      truePositives: 2,
      falsePositives: 3,
      falseNegatives: 2,
      precision: 2 / 5,
      recall: 2 / 4,
      f1: expect.closeTo(4 / 9, 12),
      f05: expect.closeTo(5 / 12, 12),
      commentsPerPr: 5 / 4,
    });
  });

  it('four cases at 0.7 › recall by expected category, precision by posted category', () => {
    const { perCategory } = computeMetrics(results, 0.7);
    expect(Object.keys(perCategory)).toEqual(['api-contract', 'bug', 'performance', 'security']);
    expect(perCategory).toEqual({
      // The one api-contract defect was found (as a bug); nothing was posted as api-contract, so
      // its precision is undefined, and so are the F scores that need it.
      'api-contract': {
        truePositives: 1,
        falsePositives: 0,
        falseNegatives: 0,
        precision: null,
        recall: 1,
        f1: null,
        f05: null,
        commentsPerPr: 0,
      },
      // Expected: single's (found) and failed's (missed). Posted: found, clean's false alarm, asBug.
      bug: {
        truePositives: 1,
        falsePositives: 1,
        falseNegatives: 1,
        precision: 2 / 3,
        recall: 1 / 2,
        f1: expect.closeTo(4 / 7, 12),
        f05: expect.closeTo(5 / 8, 12),
        commentsPerPr: 3 / 4,
      },
      // No performance defect was expected: recall is undefined.
      performance: {
        truePositives: 0,
        falsePositives: 1,
        falseNegatives: 0,
        precision: 0,
        recall: null,
        f1: null,
        f05: null,
        commentsPerPr: 1 / 4,
      },
      security: {
        truePositives: 0,
        falsePositives: 1,
        falseNegatives: 1,
        precision: 0,
        recall: 0,
        f1: 0,
        f05: 0,
        commentsPerPr: 1 / 4,
      },
    });
  });

  it('four cases at 0.7 › the matches of each case, none for the failed one', () => {
    const { matchesByCase } = computeMetrics(results, 0.7);
    expect(matchesByCase).toEqual(
      new Map([
        ['single', [{ expected: negativeTotal, finding: found.finding }]],
        ['clean', []],
        ['cross', [{ expected: secondsNow, finding: asBug.finding }]],
        ['failed', []],
      ]),
    );
  });

  it('four cases at 0.7 › what each case posts, nothing for the failed one', () => {
    const { postedByCase } = computeMetrics(results, 0.7);
    expect([...postedByCase.values()].flat()).toHaveLength(5);
    expect(postedByCase.get('single')).toContain(found.finding);
    expect(postedByCase.get('failed')).toEqual([]);
  });

  it('threshold lowered to 0.5 › a second finding of a found defect is a false positive', () => {
    const { metrics } = computeMetrics([single], 0.5);
    expect(metrics).toMatchObject({
      truePositives: 1,
      falsePositives: 2,
      falseNegatives: 0,
      commentsPerPr: 3,
    });
  });

  it('threshold raised to 0.95 › nothing posted: precision undefined (null), recall 0, F undefined', () => {
    const { metrics } = computeMetrics(results, 0.95);
    expect(metrics).toEqual({
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 4,
      precision: null,
      recall: 0,
      f1: null,
      f05: null,
      commentsPerPr: 0,
    });
  });

  it('only clean cases, nothing posted › precision and recall undefined (null), not 1', () => {
    const { metrics } = computeMetrics([caseResult('clean-only', [], [])], 0.7);
    expect(metrics).toMatchObject({ precision: null, recall: null, f1: null, f05: null });
  });

  it('a case reviewed with maxComments 1 › rescored with that limit too', () => {
    const limited = caseResult('limited', [negativeTotal], [wrongAlarm, found], { maxComments: 1 });
    expect(computeMetrics([limited], 0.7).metrics).toMatchObject({ truePositives: 1, falsePositives: 0 });
  });
});
