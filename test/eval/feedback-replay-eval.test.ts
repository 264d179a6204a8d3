import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { loadEvalCaseFolders } from '../../src/eval/load-eval-cases.js';
import { runEval } from '../../src/eval/run-eval.js';
import { findingTraits } from '../../src/review/learnings/finding-traits.js';
import { SIMILAR_CLAIM } from '../../src/review/learnings/resembles.js';
import { claimSimilarity } from '../../src/review/verify-findings/claim-similarity.js';
import { EVAL_DIR, HAS_EVAL_CASES } from '../support/eval-cases.js';
import { oracle } from '../support/eval-oracle.js';
import { FIXTURES } from '../support/fixtures.js';
import { createScriptedModel } from '../support/scripted-model.js';

/** Cases built for the replay: repeated false positives in two repositories, and a control in each. */
const FEEDBACK_DIR = join(FIXTURES, 'eval-feedback');

/** The labelled answers, plus false positives the model makes every time it sees their code. */
const model = () => createScriptedModel(oracle(true, { folders: [EVAL_DIR, FEEDBACK_DIR], habits: true }));

async function evaluate(folders: string[]) {
  const cases = await loadEvalCaseFolders(folders);
  const { report } = await runEval(
    cases,
    { config: repoConfigSchema.parse({}), modelName: 'oracle with habits', concurrency: 2 },
    { model: model() },
  );
  expect(report.cases.filter((item) => item.error !== null)).toEqual([]);
  return report;
}

describe("sift eval's feedback replay on the cases built for it", () => {
  it('repeated false positives are held back once dismissed; each control, a real defect like them, is still posted', async () => {
    const report = await evaluate([FEEDBACK_DIR]);
    expect(report.metrics).toMatchObject({ truePositives: 2, falsePositives: 3, falseNegatives: 0 });
    expect(report.learning.metrics).toMatchObject({
      truePositives: 2,
      falsePositives: 0,
      falseNegatives: 0,
      precision: 1,
      recall: 1,
    });
    expect(
      report.learning.cases.map((item) => [
        item.id,
        item.posted.without,
        item.posted.with,
        item.matched.with,
      ]),
    ).toEqual([
      ['python__ledger__find-entry-none', 1, 0, 0],
      ['python__ledger__statement-balance', 1, 1, 1],
      ['typescript__warehouse__reserve-batch', 1, 0, 0],
      ['typescript__warehouse__reserve-bulk', 1, 0, 0],
      ['typescript__warehouse__restock-off-by-one', 1, 1, 1],
    ]);
  });

  it("the ledger's control claims what its dismissed finding claimed, in other words (so only its code tells them apart)", async () => {
    const [dismissedCase] = await loadEvalCaseFolders([FEEDBACK_DIR], ['python__ledger__find-entry-none']);
    const [control] = await loadEvalCaseFolders([FEEDBACK_DIR], ['python__ledger__statement-balance']);
    const dismissed = dismissedCase?.case.earlier_findings[0];
    const note = control?.case.expected[0]?.note ?? '';
    if (!dismissed) throw new Error('the ledger case carries no dismissed finding');
    const claim = findingTraits({ ...dismissed, fingerprint: '', symbolKind: null }).claim;
    expect(claimSimilarity(claim, `${note.split('.')[0]}\n${note}`)).toBeGreaterThanOrEqual(SIMILAR_CLAIM);
  });
});

describe.runIf(HAS_EVAL_CASES)(
  "sift eval's feedback replay on ../shared/eval plus the cases built for it",
  () => {
    it('fewer false positives with learnings, the same true positives; nothing changes on the shared cases', async () => {
      const report = await evaluate([EVAL_DIR, FEEDBACK_DIR]);
      expect(report.learning.metrics.truePositives).toBe(report.metrics.truePositives);
      expect(report.learning.metrics.falseNegatives).toBe(report.metrics.falseNegatives);
      expect(report.metrics.falsePositives - report.learning.metrics.falsePositives).toBe(3);
      const shared = report.learning.cases.filter(
        (item) => !['ledger', 'warehouse'].includes(item.repository),
      );
      expect(shared).toHaveLength(report.cases.length - 5);
      for (const item of shared) expect(item.posted.with).toBe(item.posted.without);
    });
  },
);
