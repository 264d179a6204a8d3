import type { AccountPurchase, MarketplacePlan } from './account-purchase.js';
import type { PlanInEffect } from './plan-in-effect.js';
import type { Plan, PlansConfig } from './plan-types.js';

/**
 * The plan an account is under at `now`: the operator's plan its Marketplace plan buys, or the
 * `noPurchase` plan when it bought nothing, cancelled, or bought a plan the plans file does not
 * name. A pending change whose date has come is in effect, even before GitHub's webhook for it.
 */
export function effectivePlan(
  plans: PlansConfig,
  purchase: AccountPurchase | null,
  account: string,
  now: number,
): PlanInEffect {
  const pendingDue = purchase?.pending && Date.parse(purchase.pending.effectiveDate) <= now;
  const bought = pendingDue ? (purchase?.pending?.plan ?? null) : (purchase?.plan ?? null);
  const { plan, reason, known } = planFor(plans, bought);
  const trial =
    !pendingDue && purchase?.onFreeTrial
      ? `, on a free trial${purchase.freeTrialEndsOn ? ` until ${purchase.freeTrialEndsOn.slice(0, 10)}` : ''}`
      : '';
  const upcoming =
    purchase?.pending && !pendingDue
      ? {
          plan: planFor(plans, purchase.pending.plan).plan,
          from: purchase.pending.effectiveDate.slice(0, 10),
        }
      : null;
  return {
    plan,
    account,
    reason: `${reason}${trial}`,
    upcoming: upcoming && upcoming.plan !== plan ? upcoming : null,
    known,
    upgradeUrl: plans.upgradeUrl,
  };
}

function planFor(
  plans: PlansConfig,
  bought: MarketplacePlan | null,
): { plan: Plan; reason: string; known: boolean } {
  if (bought === null) return { plan: plans.noPurchase, reason: 'no Marketplace purchase', known: true };
  const plan = plans.plans.find((candidate) => candidate.marketplacePlanId === bought.id);
  if (plan) return { plan, reason: `bought on the GitHub Marketplace (${bought.name})`, known: true };
  return {
    plan: plans.noPurchase,
    reason: `the Marketplace plan ${bought.name} (id ${bought.id}) is not in the plans file`,
    known: false,
  };
}
