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

type CandidateReport = EvalReport['cases'][number]['candidates'][number];

function candidate(overrides: Partial<CandidateReport>): CandidateReport {
  return {
    path: 'doc/md_docs.go',
    startLine: 12,
    endLine: 12,
    category: 'bug',
    severity: 'major',
    title: 'A problem',
    votes: 2,
    verdict: 'confirmed',
    verifierReason: 'The code shows it.',
    confidence: 0.8,
    outcome: 'posted',
    matchesExpected: false,
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
      candidates: [
        candidate({ title: 'The buffer is never flushed', outcome: 'posted', matchesExpected: true }),
        candidate({
          startLine: 40,
          endLine: 42,
          title: 'Errors from `WriteString`\nare ignored',
          confidence: 0.55,
          verdict: 'uncertain',
          verifierReason: 'The writer is a bytes.Buffer, which never fails.',
          outcome: 'below-threshold',
        }),
        candidate({
          startLine: 7,
          endLine: 7,
          title: 'Nil map write',
          confidence: 0,
          verdict: 'rejected',
          verifierReason: 'The map is made on line 5 | before any write.',
          outcome: 'rejected-by-verifier',
        }),
      ],
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
  learning: {
    metrics: metrics({
      truePositives: 1,
      falseNegatives: 1,
      precision: 1,
      recall: 0.5,
      f1: 2 / 3,
      f05: 0.8333333333333334,
      commentsPerPr: 1 / 3,
    }),
    cases: [
      {
        id: 'go__cobra__md-tree-buffered',
        repository: 'cobra',
        earlierFindings: 1,
        posted: { without: 2, with: 1 },
        matched: { without: 1, with: 1 },
        heldBack: 1,
      },
      {
        id: 'go__cobra__valid-arg-names',
        repository: 'cobra',
        earlierFindings: 0,
        posted: { without: 0, with: 0 },
        matched: { without: 0, with: 0 },
        heldBack: 0,
      },
    ],
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

      ## Feedback replay

      Each repository's cases, in order, as its successive pull requests: before a case is scored, Sift learns from the earlier findings it carries and from the repository's earlier cases (what they posted is fixed when it matches a labelled defect, dismissed by a reviewer otherwise). The model's answers are the same; only what was learned differs.

      | | precision | recall | F0.5 | true positives | false positives | false negatives | comments per PR |
      |---|---:|---:|---:|---:|---:|---:|---:|
      | without learnings | 0.500 | 0.500 | 0.500 | 1 | 1 | 1 | 0.667 |
      | with learnings | 1.000 | 0.500 | 0.833 | 1 | 0 | 1 | 0.333 |

      | case | repository | earlier findings | posted | matched | held back as similar to dismissed |
      |---|---|---:|---:|---:|---:|
      | go__cobra__md-tree-buffered | cobra | 1 | 2 → 1 | 1 → 1 | 1 |

      ## Held back, by case

      ### go__cobra__md-tree-buffered

      - \`doc/md_docs.go:40-42\` Errors from \`WriteString\` are ignored — below the confidence threshold (confidence 0.55; verifier: The writer is a bytes.Buffer, which never fails.)
      - \`doc/md_docs.go:7\` Nil map write — rejected by the verifier: The map is made on line 5 | before any write.
      "
    `);
  });

  it('nothing posted or nothing expected › n/a for the undefined ratios, not 1.000', () => {
    const undefinedRatios = metrics({ precision: null, recall: null, f1: null, f05: null });
    const text = renderEvalReport({
      ...report,
      cases: report.cases.slice(1, 2),
      metrics: undefinedRatios,
      perCategory: { bug: { ...undefinedRatios, recall: 0 } },
      curve: [{ threshold: 0.7, precision: null, recall: null, f1: null, f05: null, commentsPerPr: 0 }],
      learning: { metrics: undefinedRatios, cases: report.learning.cases.slice(1, 2) },
    });
    expect(text).toContain('| precision | n/a |\n| recall | n/a |\n| F1 | n/a |\n| F0.5 | n/a |\n');
    expect(text).toContain(
      '| with learnings | n/a | n/a | n/a | 0 | 0 | 0 | 0.000 |\n\nLearnings changed nothing on these cases.',
    );
    expect(text).toContain('| bug | n/a | 0.000 | n/a | n/a | 0 | 0 | 0 |');
    expect(text).toContain('| **0.7** ◀ | n/a | n/a | n/a | n/a | 0.000 |');
    expect(text).not.toContain('1.000');
    expect(text).toContain('## Held back, by case\n\nNothing was held back.\n');
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
