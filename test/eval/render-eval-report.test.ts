import { describe, expect, it } from 'vitest';
import type { EvalReport, Metrics } from '../../src/eval/eval-types.js';
import { renderEvalReport } from '../../src/eval/render-eval-report.js';

function metrics(overrides: Partial<Metrics>): Metrics {
  return {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    precision: 1,
    recall: 1,
    f1: 1,
    f05: 1,
    commentsPerPr: 0,
    ...overrides,
  };
}

const report: EvalReport = {
  model: 'gpt-test-mini',
  passes: 4,
  threshold: 0.7,
  cases: [
    {
      id: 'go__cobra__md-tree-buffered',
      kind: 'single-file',
      expected: 1,
      posted: 2,
      matched: 1,
      error: null,
      candidates: [],
    },
    {
      id: 'go__cobra__valid-arg-names',
      kind: 'clean',
      expected: 0,
      posted: 0,
      matched: 0,
      error: null,
      candidates: [],
    },
    {
      id: 'python__click__short-help-suffix',
      kind: 'cross-file',
      expected: 1,
      posted: 0,
      matched: 0,
      error: 'model timed out | after 3 tries\nsee the log',
      candidates: [],
    },
  ],
  metrics: metrics({
    truePositives: 1,
    falsePositives: 1,
    falseNegatives: 1,
    precision: 0.5,
    recall: 0.5,
    f1: 0.5,
    f05: 0.5,
    commentsPerPr: 2 / 3,
  }),
  perCategory: {
    'api-contract': metrics({ falseNegatives: 1, recall: 0, f1: 0, f05: 0 }),
    bug: metrics({
      truePositives: 1,
      falsePositives: 1,
      precision: 0.5,
      f1: 2 / 3,
      f05: 0.5555555555555556,
      commentsPerPr: 2 / 3,
    }),
  },
  curve: [
    { threshold: 0.65, precision: 1 / 3, recall: 0.5, f1: 0.4, f05: 0.35714285714285715, commentsPerPr: 1 },
    { threshold: 0.7, precision: 0.5, recall: 0.5, f1: 0.5, f05: 0.5, commentsPerPr: 2 / 3 },
    { threshold: 0.75, precision: 1, recall: 0, f1: 0, f05: 0, commentsPerPr: 0 },
  ],
  usage: {
    calls: 15,
    attempts: 15,
    failedCalls: 0,
    promptTokens: 1234567,
    completionTokens: 45678,
    cachedPromptTokens: 890000,
  },
};

describe('renderEvalReport', () => {
  it('a small report › headline, metrics, categories, cases and the curve with the threshold marked', () => {
    expect(renderEvalReport(report)).toMatchInlineSnapshot(`
      "# Sift eval

      Model \`gpt-test-mini\` · 4 passes · threshold 0.7 · 3 cases (1 failed)

      ## Metrics

      | metric | value |
      |---|---:|
      | precision | 0.500 |
      | recall | 0.500 |
      | F1 | 0.500 |
      | F0.5 | 0.500 |
      | comments per PR | 0.667 |
      | true positives | 1 |
      | false positives | 1 |
      | false negatives | 1 |
      | tokens used | 1,234,567 prompt (890,000 cached) + 45,678 completion in 15 calls |

      ## By category

      | category | precision | recall | F1 | F0.5 | TP | FP | FN |
      |---|---:|---:|---:|---:|---:|---:|---:|
      | api-contract | 1.000 | 0.000 | 0.000 | 0.000 | 0 | 0 | 1 |
      | bug | 0.500 | 1.000 | 0.667 | 0.556 | 1 | 1 | 0 |

      ## By case

      | case | kind | expected | posted | matched | error |
      |---|---|---:|---:|---:|---|
      | go__cobra__md-tree-buffered | single-file | 1 | 2 | 1 |  |
      | go__cobra__valid-arg-names | clean | 0 | 0 | 0 |  |
      | python__click__short-help-suffix | cross-file | 1 | 0 | 0 | model timed out \\| after 3 tries see the log |

      ## Precision and recall by threshold

      | threshold | precision | recall | F1 | F0.5 | comments per PR |
      |---:|---:|---:|---:|---:|---:|
      | 0.65 | 0.333 | 0.500 | 0.400 | 0.357 | 1.000 |
      | **0.7** ◀ | 0.500 | 0.500 | 0.500 | 0.500 | 0.667 |
      | 0.75 | 1.000 | 0.000 | 0.000 | 0.000 | 0.000 |
      "
    `);
  });

  it('one pass, one case, one call › singular words', () => {
    const single = renderEvalReport({
      ...report,
      passes: 1,
      cases: report.cases.slice(0, 1),
      usage: { ...report.usage, calls: 1, attempts: 1 },
    });
    expect(single).toContain('Model `gpt-test-mini` · 1 pass · threshold 0.7 · 1 case\n');
    expect(single).toContain(' completion in 1 call |');
  });
});
