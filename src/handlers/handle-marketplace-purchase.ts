import type { Context } from 'probot';
import { applyPurchaseEvent } from '../plans/apply-purchase-event.js';
import { marketplacePurchaseEventSchema } from '../plans/marketplace-purchase-event.js';
import type { SiftStore } from '../store/sift-store.js';
import { readPayload } from './read-payload.js';

/**
 * A purchase, change, cancellation or pending change on the GitHub Marketplace: what the account
 * bought is kept, and its installation's next review runs under that plan. Sent to the listing's
 * webhook, not an installation's; it names the account, not an installation.
 */
export async function handleMarketplacePurchase(
  context: Context<'marketplace_purchase'>,
  deps: { store: SiftStore },
): Promise<void> {
  const event = readPayload(context, marketplacePurchaseEventSchema);
  if (!event) return;
  const account = event.marketplace_purchase.account;
  const next = applyPurchaseEvent(event, await deps.store.purchase(account.id));
  const where = { delivery: context.id, account: account.login, action: event.action };
  if (!next) {
    context.log.info(
      where,
      'a pending plan change for an account Sift has not heard of: it is looked up when needed',
    );
    return;
  }
  await deps.store.savePurchase(next);
  context.log.info(
    { ...where, plan: next.plan?.name ?? null, pending: next.pending, effective: event.effective_date },
    'Marketplace purchase recorded',
  );
}
