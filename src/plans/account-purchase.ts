import { z } from 'zod';

/** A Marketplace plan as GitHub names it in events and lookups. */
export const marketplacePlanSchema = z.object({ id: z.number().int(), name: z.string() });

/**
 * What an account bought on the GitHub Marketplace, as Sift last heard it from a
 * `marketplace_purchase` webhook or a lookup. Kept per account (an organisation or a user): a
 * purchase belongs to the account, and every installation on it shares the plan.
 */
export const accountPurchaseSchema = z.object({
  accountId: z.number().int(),
  accountLogin: z.string(),
  /** The Marketplace plan in effect; null: nothing bought, or cancelled. */
  plan: marketplacePlanSchema.nullable(),
  onFreeTrial: z.boolean(),
  /** ISO date the free trial ends (GitHub then moves the account to the paid plan or cancels). */
  freeTrialEndsOn: z.string().nullable(),
  /**
   * A change that starts at the end of the billing cycle (a downgrade or cancellation): the plan
   * then (null: none) and from when. Applied at that date even if GitHub's `changed` or
   * `cancelled` webhook is late or lost.
   */
  pending: z.object({ plan: marketplacePlanSchema.nullable(), effectiveDate: z.string() }).nullable(),
  /** How Sift learned it: a webhook, or asking the Marketplace about an account it had not heard of. */
  source: z.enum(['webhook', 'lookup']),
});

export type AccountPurchase = z.output<typeof accountPurchaseSchema>;
export type MarketplacePlan = z.output<typeof marketplacePlanSchema>;
