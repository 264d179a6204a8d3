import { BudgetExceededError, type BudgetName } from '../errors.js';
import type { ModelClient, ModelRequest, ModelResponse, ModelUsage } from '../llm/model-client.js';
import { usageOfFailure } from '../llm/usage-of-failure.js';
import type { SiftStore } from '../store/sift-store.js';

/** What one installation may spend on the model, in tokens per UTC day and month; unset: no cap. */
export interface InstallationBudgets {
  readonly dailyTokens?: number | undefined;
  readonly monthlyTokens?: number | undefined;
}

/** One job's model calls, counted against what the job and its installation may spend. */
export interface SpendMeter {
  /** The job's model client: every call is counted, and none starts once a budget is spent. */
  readonly model: ModelClient;
  /** Caps what this job's calls may spend in all: the review's `budget.maxTokens`. */
  capReview(maxTokens: number): void;
  /** The budget already spent, which the next call would be refused for; null while there is room. */
  exceeded(): Promise<BudgetExceededError | null>;
  /** Tokens this job's calls spent so far, every attempt of every call, failed ones included. */
  spent(): number;
  /** The first budget found spent: what stopped the job, if anything did. */
  stoppedBy(): BudgetName | null;
}

/**
 * Meters a job's model calls against what was actually spent, not an estimate. After each call,
 * answered or failed, the tokens the provider reported for all its attempts are added to the
 * job's total and to the installation's spend in the store (shared by every process). Before each
 * call, a spent budget refuses it with a BudgetExceededError.
 *
 * Calls already in flight are let finish and are counted, so a cap can be overshot by what the
 * calls running at that moment spend (a review's passes start together): cutting an answer off
 * would pay for it and throw it away. A call waiting for a free model slot has already passed the
 * check.
 */
export function createSpendMeter(
  model: ModelClient,
  deps: {
    readonly store: Pick<SiftStore, 'addSpend' | 'spendOf'>;
    readonly installationId: number;
    readonly budgets?: InstallationBudgets | undefined;
    readonly now: () => number;
  },
): SpendMeter {
  const daily = deps.budgets?.dailyTokens;
  const monthly = deps.budgets?.monthlyTokens;
  let spent = 0;
  let reviewCap: number | undefined;
  let stoppedBy: BudgetName | null = null;

  const stop = (error: BudgetExceededError) => {
    stoppedBy ??= error.budget;
    return error;
  };
  const exceeded = async (): Promise<BudgetExceededError | null> => {
    if (reviewCap !== undefined && spent >= reviewCap)
      return stop(new BudgetExceededError('review', spent, reviewCap));
    if (daily === undefined && monthly === undefined) return null;
    const installation = await deps.store.spendOf(deps.installationId, deps.now());
    if (daily !== undefined && installation.day >= daily)
      return stop(new BudgetExceededError('installation-day', installation.day, daily));
    if (monthly !== undefined && installation.month >= monthly)
      return stop(new BudgetExceededError('installation-month', installation.month, monthly));
    return null;
  };
  const record = async (usage: ModelUsage) => {
    const tokens = usage.promptTokens + usage.completionTokens;
    if (tokens === 0) return;
    spent += tokens;
    await deps.store.addSpend(deps.installationId, tokens, deps.now());
  };

  return {
    model: {
      async complete<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
        const over = await exceeded();
        if (over) throw over;
        let response: ModelResponse<T>;
        try {
          response = await model.complete(request);
        } catch (error) {
          await record(usageOfFailure(error));
          throw error;
        }
        await record(response.usage);
        return response;
      },
    },
    capReview(maxTokens) {
      reviewCap = maxTokens;
    },
    exceeded,
    spent: () => spent,
    stoppedBy: () => stoppedBy,
  };
}
