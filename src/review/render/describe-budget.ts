import type { BudgetExceededError } from '../../errors.js';

/** A spent budget in words, for a check run or a reply. */
export interface BudgetDescription {
  /** "this installation's daily model budget" */
  readonly name: string;
  /** "1,000,000 tokens spent of 1,000,000 today (UTC)" */
  readonly spent: string;
  /** When it starts over ("00:00 UTC on 2026-12-04"); null for a review's budget, which does not. */
  readonly resets: string | null;
  /** Who raises it, and where. */
  readonly raise: string;
}

/**
 * Which budget is spent, how much of it, when it starts over and how to raise it. A review's
 * budget is the repository's to set; an installation's is the operator's, since it protects the
 * deployment's bill from one organisation.
 */
export function describeBudget(error: BudgetExceededError, at: number): BudgetDescription {
  const count = (value: number) => value.toLocaleString('en-US');
  const spent = `${count(error.spent)} tokens spent of ${count(error.limit)}`;
  const now = new Date(at);
  switch (error.budget) {
    case 'review':
      return {
        name: "this review's token budget (`budget.maxTokens`)",
        spent,
        resets: null,
        raise:
          'To review this pull request in full, raise `budget.maxTokens` in `.github/sift.yml` on the base branch (or leave paths out with `paths.ignore`), then use **Re-run** on this check.',
      };
    case 'installation-day':
      return {
        name: "this installation's daily model budget",
        spent: `${spent} today (UTC)`,
        resets: startOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)),
        raise: `Whoever runs Sift can raise it by setting \`SIFT_INSTALLATION_DAILY_TOKENS\` (now ${count(error.limit)}) in its environment.`,
      };
    case 'installation-month':
      return {
        name: "this installation's monthly model budget",
        spent: `${spent} this month (UTC)`,
        resets: startOf(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
        raise: `Whoever runs Sift can raise it by setting \`SIFT_INSTALLATION_MONTHLY_TOKENS\` (now ${count(error.limit)}) in its environment.`,
      };
  }
}

function startOf(day: number): string {
  return `00:00 UTC on ${new Date(day).toISOString().slice(0, 10)}`;
}
