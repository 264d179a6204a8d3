import { forEachConcurrently } from '../concurrency-limit.js';
import type { RepoConfig } from '../config/repo-config-schema.js';
import { createSymbolCaches } from '../context/symbol-index.js';
import type { ModelError } from '../errors.js';
import type { ModelClient } from '../llm/model-client.js';
import { buildEvalReport } from './build-eval-report.js';
import type { CaseResult, EvalReport } from './eval-types.js';
import type { LoadedEvalCase } from './load-eval-cases.js';
import { runEvalCase } from './run-eval-case.js';

export interface RunEvalOptions {
  readonly config: RepoConfig;
  /** The model name for the report (the client itself is in deps). */
  readonly modelName: string;
  /** Cases reviewed at once; each runs its own passes concurrently within the model's limit. */
  readonly concurrency: number;
}

/**
 * `sift eval`: every case through the whole pipeline, then the report — precision, recall, F1,
 * F0.5, comments per pull request, per-category figures and the precision/recall curve.
 */
export async function runEval(
  cases: readonly LoadedEvalCase[],
  options: RunEvalOptions,
  deps: {
    model: ModelClient;
    maxPromptTokens?: number | undefined;
    /** How a case's model failure is recorded; by default, the error's name and message. */
    describeModelFailure?: ((error: ModelError) => string) | undefined;
    onCase?: (result: CaseResult, done: number, total: number) => void;
    signal?: AbortSignal | undefined;
  },
): Promise<{ report: EvalReport; results: CaseResult[] }> {
  const caches = createSymbolCaches();
  const results: CaseResult[] = new Array(cases.length);
  let done = 0;
  await forEachConcurrently(cases, options.concurrency, async (loaded, index) => {
    const result = await runEvalCase(loaded, options.config, { ...deps, caches });
    results[index] = result;
    done += 1;
    deps.onCase?.(result, done, cases.length);
  });
  const report = buildEvalReport(results, {
    model: options.modelName,
    passes: options.config.ensemble.passes,
    threshold: options.config.threshold,
  });
  return { report, results };
}
