import type { AccountPurchase } from './account-purchase.js';
import type { MarketplacePurchaseEvent } from './marketplace-purchase-event.js';

/**
 * What an account has bought after a `marketplace_purchase` event, given what Sift knew before
 * (null: nothing). Purchases and upgrades take effect at once; a downgrade or cancellation at the
 * end of the billing cycle is announced as `pending_change` and kept as pending until its date
 * (then GitHub sends `changed` or `cancelled`, which Sift applies whether or not the date has
 * already moved it). Null when the event says too little to record: a pending change for an
 * account whose current plan Sift does not know, which it looks up when it next needs the plan.
 */
export function applyPurchaseEvent(
  event: MarketplacePurchaseEvent,
  previous: AccountPurchase | null,
): AccountPurchase | null {
  const bought = event.marketplace_purchase;
  const account = { accountId: bought.account.id, accountLogin: bought.account.login };
  const trial = {
    onFreeTrial: bought.on_free_trial ?? false,
    freeTrialEndsOn: bought.on_free_trial ? (bought.free_trial_ends_on ?? null) : null,
  };
  const plan = { id: bought.plan.id, name: bought.plan.name };
  switch (event.action) {
    case 'purchased':
    case 'changed':
      return { ...account, plan, ...trial, pending: null, source: 'webhook' };
    case 'cancelled':
      return {
        ...account,
        plan: null,
        onFreeTrial: false,
        freeTrialEndsOn: null,
        pending: null,
        source: 'webhook',
      };
    case 'pending_change': {
      const current = previous?.plan ?? event.previous_marketplace_purchase?.plan ?? null;
      if (!previous && !current) return null;
      return {
        ...account,
        plan: current,
        onFreeTrial: previous?.onFreeTrial ?? false,
        freeTrialEndsOn: previous?.freeTrialEndsOn ?? null,
        pending: { plan, effectiveDate: event.effective_date },
        source: 'webhook',
      };
    }
    case 'pending_change_cancelled':
      return previous ? { ...previous, ...account, pending: null, source: 'webhook' } : null;
  }
}
