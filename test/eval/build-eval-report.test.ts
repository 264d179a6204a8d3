import { describe, expect, it } from 'vitest';
import { buildEvalReport } from '../../src/eval/build-eval-report.js';
import { candidate, caseResult, expectedFinding } from './factories.js';

const negativeTotal = expectedFinding({
  path: 'src/a.ts',
  start_line: 10,
  end_line: 10,
  note: '`total` goes negative.',
});
const found = candidate({
  path: 'src/a.ts',
  startLine: 10,
  endLine: 10,
  title: '`total` goes negative',
  confidence: 0.9,
});
const nearbyLowConfidence = candidate(
  { path: 'src/a.ts', startLine: 11, endLine: 11, title: '`total` underflows', confidence: 0.64 },
  'below-threshold',
);
const wrongAlarm = candidate({
  path: 'src/a.ts',
  startLine: 40,
  endLine: 40,
  title: 'Unrelated',
  confidence: 0.75,
});
const results = [
  caseResult('single', [negativeTotal], [found, wrongAlarm, nearbyLowConfidence], {
    usage: {
      calls: 5,
      attempts: 5,
      failedCalls: 0,
      promptTokens: 1000,
      completionTokens: 200,
      cachedPromptTokens: 600,
    },
  }),
  caseResult('failed', [expectedFinding({ path: 'src/b.ts' })], [], {
    error: 'the model did not answer',
    usage: {
      calls: 0,
      attempts: 3,
      failedCalls: 3,
      promptTokens: 300,
      completionTokens: 0,
      cachedPromptTokens: 0,
    },
  }),
];

describe('buildEvalReport', () => {
  const report = buildEvalReport(results, { model: 'gpt-test', passes: 4, threshold: 0.72 });

  it('two cases › metrics at the report threshold and the usage of both', () => {
    expect(report).toMatchObject({
      model: 'gpt-test',
      passes: 4,
      threshold: 0.72,
      metrics: { truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 },
      usage: {
        calls: 5,
        attempts: 8,
        failedCalls: 3,
        promptTokens: 1300,
        completionTokens: 200,
        cachedPromptTokens: 600,
      },
    });
    expect(Object.keys(report.perCategory)).toEqual(['bug']);
  });

  it('each case › its counts, error and every candidate with whether it matched', () => {
    expect(
      report.cases.map(({ candidates, ...counts }) => ({
        ...counts,
        candidates: candidates.map(({ title, outcome, confidence, matchesExpected }) => [
          title,
          outcome,
          confidence,
          matchesExpected,
        ]),
      })),
    ).toEqual([
      {
        id: 'single',
        kind: 'single-file',
        expected: 1,
        posted: 2,
        matched: 1,
        error: null,
        candidates: [
          ['`total` goes negative', 'posted', 0.9, true],
          ['Unrelated', 'posted', 0.75, false],
          // It would report the defect, but it is not posted at 0.72.
          ['`total` underflows', 'below-threshold', 0.64, false],
        ],
      },
      {
        id: 'failed',
        kind: 'single-file',
        expected: 1,
        posted: 0,
        matched: 0,
        error: 'the model did not answer',
        candidates: [],
      },
    ]);
  });

  it('each candidate › the facts that decided it', () => {
    expect(report.cases[0]?.candidates[0]).toEqual({
      path: 'src/a.ts',
      startLine: 10,
      endLine: 10,
      category: 'bug',
      severity: 'major',
      title: '`total` goes negative',
      votes: 3,
      verdict: 'confirmed',
      verifierReason: 'scripted',
      confidence: 0.9,
      outcome: 'posted',
      matchesExpected: true,
    });
  });

  it('a report threshold between the curve steps › the curve gains that point, in order', () => {
    const thresholds = report.curve.map((point) => point.threshold);
    expect(thresholds).toHaveLength(22);
    expect(thresholds.slice(13, 17)).toEqual([0.65, 0.7, 0.72, 0.75]);
    expect(report.curve[15]).toMatchObject({
      precision: report.metrics.precision,
      recall: report.metrics.recall,
    });
  });

  it('a report threshold on a curve step › the curve keeps its 21 points', () => {
    const onStep = buildEvalReport(results, { model: 'gpt-test', passes: 4, threshold: 0.7 });
    expect(onStep.curve).toHaveLength(21);
  });

  it('a lower report threshold › the nearby finding is posted and matches nothing more', () => {
    const lower = buildEvalReport(results, { model: 'gpt-test', passes: 4, threshold: 0.6 });
    expect(lower.cases[0]?.candidates.map((entry) => entry.matchesExpected)).toEqual([true, false, false]);
    expect(lower.metrics).toMatchObject({ truePositives: 1, falsePositives: 2 });
  });
});
