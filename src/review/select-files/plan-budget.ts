import type { RepoConfig } from '../../config/repo-config-schema.js';
import { countTokens } from '../../llm/count-tokens.js';
import { renderDiff } from '../ask-models/render-diff.js';
import type { ReviewFile, SkippedFile } from '../types.js';
import { fileRisk } from './file-risk.js';

export interface BudgetLimits {
  /** Tokens of every prompt that do not depend on the files: instructions, pull request text. */
  readonly fixedPromptTokens: number;
  /** The most prompt tokens one call may carry: the model's context window less its answer. */
  readonly maxPromptTokens: number;
  /** Completion tokens a call is expected to use, for the estimate. */
  readonly expectedOutputTokens: number;
}

export interface BudgetPlan {
  readonly files: readonly ReviewFile[];
  readonly passes: number;
  readonly skipped: readonly SkippedFile[];
  /** What the budget changed, in words for the check run. */
  readonly notes: readonly string[];
}

// The per-pass lens and file order, and the verifier's list of findings, on top of the shared prefix.
const PER_PASS_TOKENS = 300;
const VERIFIER_EXTRA_TOKENS = 2_500;

/**
 * Fits a review into `budget.maxModelCalls`, `budget.maxTokens` and the model's context window.
 * A large pull request first loses passes (down to one), then its files least likely to hide a
 * defect (fileRisk), one at a time; everything it leaves out is named for the check run.
 */
export function planBudget(
  files: readonly ReviewFile[],
  config: Pick<RepoConfig, 'ensemble' | 'budget' | 'context'>,
  limits: BudgetLimits,
): BudgetPlan {
  const diffTokens = new Map(files.map((file) => [file.id, countTokens(renderDiff([file]))]));
  const prefixTokens = (kept: readonly ReviewFile[]) =>
    limits.fixedPromptTokens +
    config.context.tokenBudget +
    kept.reduce((sum, file) => sum + (diffTokens.get(file.id) ?? 0), 0);
  const totalTokens = (kept: readonly ReviewFile[], passes: number) => {
    const prefix = prefixTokens(kept);
    return (
      passes * (prefix + PER_PASS_TOKENS + limits.expectedOutputTokens) +
      prefix +
      VERIFIER_EXTRA_TOKENS +
      limits.expectedOutputTokens
    );
  };
  const fits = (kept: readonly ReviewFile[], passes: number) =>
    passes + 1 <= config.budget.maxModelCalls &&
    totalTokens(kept, passes) <= config.budget.maxTokens &&
    prefixTokens(kept) + VERIFIER_EXTRA_TOKENS <= limits.maxPromptTokens;

  const notes: string[] = [];
  const wanted = config.ensemble.passes;
  let passes = wanted;
  while (passes > 1 && !fits(files, passes)) passes -= 1;
  if (passes < wanted) {
    notes.push(
      `${passes} of ${wanted} review passes ran, to stay within the review budget (budget.maxModelCalls, budget.maxTokens).`,
    );
  }
  const byRisk = [...files].sort(
    (a, b) => fileRisk(a.file) - fileRisk(b.file) || (a.file.path < b.file.path ? 1 : -1),
  );
  const kept = new Set(files);
  const skipped: SkippedFile[] = [];
  for (const file of byRisk) {
    if (fits([...kept], passes) || kept.size === 0) break;
    kept.delete(file);
    skipped.push({
      path: file.file.path,
      reason: 'left out to keep the review within its budget (least likely to hide a defect)',
    });
  }
  if (skipped.length > 0)
    notes.push(`${skipped.length} lower-risk file(s) left out to fit the review budget.`);
  return { files: files.filter((file) => kept.has(file)), passes, skipped, notes };
}
