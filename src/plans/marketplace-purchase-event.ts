import { z } from 'zod';
import { marketplacePlanSchema } from './account-purchase.js';

const purchaseSchema = z.object({
  account: z.object({ id: z.number().int().positive(), login: z.string().min(1) }),
  plan: marketplacePlanSchema,
  on_free_trial: z.boolean().nullable().optional(),
  free_trial_ends_on: z.string().nullable().optional(),
});

/**
 * The fields of a `marketplace_purchase` delivery Sift relies on. For `pending_change`,
 * `marketplace_purchase` is the plan to come and `effective_date` when it comes; for the others,
 * the plan from `effective_date` on (https://docs.github.com/apps/github-marketplace/using-the-github-marketplace-api-in-your-app/webhook-events-for-the-github-marketplace-api).
 */
export const marketplacePurchaseEventSchema = z.object({
  action: z.enum(['purchased', 'changed', 'cancelled', 'pending_change', 'pending_change_cancelled']),
  effective_date: z.string(),
  marketplace_purchase: purchaseSchema,
  previous_marketplace_purchase: purchaseSchema.partial({ plan: true }).nullable().optional(),
});

export type MarketplacePurchaseEvent = z.output<typeof marketplacePurchaseEventSchema>;
