import type { AccountPurchase } from '../plans/account-purchase.js';
import type { MarketplaceLookup } from '../plans/marketplace-lookup.js';
import type { Octokit } from './octokit.js';

interface ListingAccount {
  readonly marketplace_purchase?: {
    readonly on_free_trial?: boolean | null;
    readonly free_trial_ends_on?: string | null;
    readonly plan?: { readonly id: number; readonly name: string } | null;
  } | null;
  readonly marketplace_pending_change?: {
    readonly effective_date?: string | null;
    readonly plan?: { readonly id: number; readonly name: string } | null;
  } | null;
}

/**
 * The Marketplace lookup over GitHub's REST API. Both endpoints take the app's own JWT, not an
 * installation token, so `appOctokit` is the app-authenticated client (`app.auth()` with no id).
 * With `stubbed`, purchases come from `/marketplace_listing/stubbed/…`, the fake accounts GitHub
 * serves for testing a listing (https://docs.github.com/rest/apps/marketplace).
 */
export function createMarketplaceLookup(
  appOctokit: () => Promise<Octokit>,
  options: { readonly stubbed: boolean },
): MarketplaceLookup {
  const listing = options.stubbed ? '/marketplace_listing/stubbed' : '/marketplace_listing';
  return {
    async installation(installationId) {
      const octokit = await appOctokit();
      const { data } = await octokit.request('GET /app/installations/{installation_id}', {
        installation_id: installationId,
      });
      // A user or organisation has a login; an enterprise a slug.
      const account = data.account as { id?: number; login?: string; slug?: string } | null;
      const login = account?.login ?? account?.slug;
      if (!account?.id || !login)
        throw new Error(`GitHub did not say which account installation ${installationId} is on`);
      return {
        id: installationId,
        account: { id: account.id, login },
        suspended: Boolean(data.suspended_at),
      };
    },
    async purchaseOf(account) {
      const octokit = await appOctokit();
      const none: AccountPurchase = {
        accountId: account.id,
        accountLogin: account.login,
        plan: null,
        onFreeTrial: false,
        freeTrialEndsOn: null,
        pending: null,
        source: 'lookup',
      };
      let data: ListingAccount;
      try {
        ({ data } = await octokit.request(`GET ${listing}/accounts/{account_id}`, {
          account_id: account.id,
        }));
      } catch (error) {
        // 404: the account bought nothing (or this is GitHub Enterprise Server, which has no Marketplace).
        if ((error as { status?: number }).status === 404) return none;
        throw error;
      }
      const bought = data.marketplace_purchase;
      const pending = data.marketplace_pending_change;
      return {
        ...none,
        plan: bought?.plan ? { id: bought.plan.id, name: bought.plan.name } : null,
        onFreeTrial: bought?.on_free_trial ?? false,
        freeTrialEndsOn: bought?.on_free_trial ? (bought.free_trial_ends_on ?? null) : null,
        pending: pending?.effective_date
          ? {
              plan: pending.plan ? { id: pending.plan.id, name: pending.plan.name } : null,
              effectiveDate: pending.effective_date,
            }
          : null,
      };
    },
  };
}
