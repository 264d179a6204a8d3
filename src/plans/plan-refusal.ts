import type { Plan } from './plan-types.js';

/** Why a plan does not let a review start. */
export type PlanRefusal =
  | { readonly limit: 'privateRepositories' }
  | { readonly limit: 'reviewsPerMonth'; readonly used: number; readonly allowed: number };

/**
 * Whether the plan lets this review start: private repositories only on plans that include
 * them; no more reviews in a UTC month than the plan's. Null: it may start. (A pull request
 * larger than the plan is not refused: its riskiest files are reviewed.)
 */
export function planRefusal(
  plan: Plan,
  facts: { readonly privateRepository: boolean; readonly reviewsThisMonth: number },
): PlanRefusal | null {
  if (facts.privateRepository && !plan.privateRepositories) return { limit: 'privateRepositories' };
  if (plan.reviewsPerMonth !== undefined && facts.reviewsThisMonth >= plan.reviewsPerMonth)
    return { limit: 'reviewsPerMonth', used: facts.reviewsThisMonth, allowed: plan.reviewsPerMonth };
  return null;
}
