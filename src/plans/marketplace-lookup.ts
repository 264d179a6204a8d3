import type { InstallationRecord } from '../store/sift-store.js';
import type { AccountPurchase } from './account-purchase.js';

/**
 * What Sift asks GitHub, as the app, about an installation it has not heard of: the account it is
 * on (and whether it is suspended), and what that account bought on the Marketplace. Both are
 * asked once and kept; webhooks keep them current after that.
 */
export interface MarketplaceLookup {
  installation(installationId: number): Promise<InstallationRecord>;
  /** The account's purchase; one the Marketplace does not know (404) is no purchase. */
  purchaseOf(account: { readonly id: number; readonly login: string }): Promise<AccountPurchase>;
}
