import { describe, expect, it } from 'vitest';
import { repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { loadEvalCases } from '../../src/eval/load-eval-cases.js';
import { runEval } from '../../src/eval/run-eval.js';
import { EVAL_DIR, HAS_EVAL_CASES } from '../support/eval-cases.js';
import { oracle } from '../support/eval-oracle.js';
import { createScriptedModel } from '../support/scripted-model.js';

describe.runIf(HAS_EVAL_CASES)('sift eval on every case of ../shared/eval, with a scripted model', () => {
  it('an oracle model › every case runs end to end and the scorer gives precision and recall 1', async () => {
    const cases = await loadEvalCases(EVAL_DIR);
    const { report } = await runEval(
      cases,
      { config: repoConfigSchema.parse({}), modelName: 'oracle', concurrency: 4 },
      { model: createScriptedModel(oracle(false)) },
    );
    expect(report.cases.filter((item) => item.error !== null)).toEqual([]);
    expect(report.cases).toHaveLength(cases.length);
    expect(report.metrics).toMatchObject({ precision: 1, recall: 1, falsePositives: 0, falseNegatives: 0 });
  });

  it('with made-up findings two passes agree on and the verifier doubts › held back at 0.7, posted below 0.5: the curve shows the trade-off', async () => {
    const cases = await loadEvalCases(EVAL_DIR);
    const { report } = await runEval(
      cases,
      { config: repoConfigSchema.parse({}), modelName: 'noisy oracle', concurrency: 4 },
      { model: createScriptedModel(oracle(true)) },
    );
    expect(report.metrics.precision).toBe(1);
    const loose = report.curve.find((point) => point.threshold === 0.45);
    expect(loose?.precision).toBeLessThan(1);
    expect(loose?.recall).toBe(1);
    const candidates = report.cases.flatMap((item) => item.candidates);
    expect(
      candidates
        .filter((candidate) => candidate.title === 'Possible null dereference')
        .every((candidate) => candidate.votes === 2),
    ).toBe(true);
  });
});
