import type { Logger } from '../logger.js';
import type { SiftStore } from '../store/sift-store.js';
import { effectivePlan } from './effective-plan.js';
import type { MarketplaceLookup } from './marketplace-lookup.js';
import type { PlanInEffect } from './plan-in-effect.js';
import type { PlansConfig } from './plan-types.js';

/** The plan of an installation now; null when the operator set no plans (nothing is limited). */
export type PlanResolver = (installationId: number) => Promise<PlanInEffect | null>;

/**
 * Finds an installation's plan: its account from the store (or asked of GitHub once), that
 * account's Marketplace purchase from the store (or looked up once and kept), and the operator's
 * plan it buys at this moment. Without a plans file nothing is asked and nothing is limited.
 */
export function createPlanResolver(deps: {
  readonly plans: PlansConfig | null;
  readonly store: Pick<SiftStore, 'installation' | 'saveInstallation' | 'purchase' | 'savePurchase'>;
  readonly marketplace: MarketplaceLookup;
  readonly now: () => number;
  readonly log: Logger;
}): PlanResolver {
  const { plans, store, marketplace } = deps;
  return async (installationId) => {
    if (!plans) return null;
    let installation = await store.installation(installationId);
    if (!installation) {
      installation = await marketplace.installation(installationId);
      await store.saveInstallation(installation);
    }
    let purchase = await store.purchase(installation.account.id);
    if (!purchase) {
      purchase = await marketplace.purchaseOf(installation.account);
      await store.savePurchase(purchase);
      deps.log.info(
        { account: installation.account.login, plan: purchase.plan?.name ?? null },
        'asked the Marketplace what an account bought',
      );
    }
    const inEffect = effectivePlan(plans, purchase, installation.account.login, deps.now());
    if (!inEffect.known) {
      deps.log.warn(
        { account: installation.account.login, marketplacePlan: purchase.plan },
        `a Marketplace plan is not in the plans file: the ${plans.noPurchase.name} plan applies (add its marketplacePlanId to SIFT_PLANS_FILE)`,
      );
    }
    return inEffect;
  };
}
