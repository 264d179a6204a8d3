import { z } from 'zod';

const wholeNumber = (least: number, example: number) =>
  z
    .number({ error: `expected a whole number, like ${example}` })
    .int(`expected a whole number, like ${example}`)
    .min(least, `expected ${least} or more`);

const planSchema = z.strictObject({
  marketplacePlanId: wholeNumber(1, 7).optional(),
  reviewsPerMonth: wholeNumber(0, 50).optional(),
  maxFiles: wholeNumber(1, 100).optional(),
  maxChangedLines: wholeNumber(1, 2_000).optional(),
  // The ensemble has at most 8 passes (`ensemble.passes`); a plan cannot offer more.
  passes: wholeNumber(1, 2).max(8, 'expected 8 or fewer (the most `ensemble.passes` allows)').optional(),
  privateRepositories: z.boolean({ error: 'expected true or false' }).default(true),
});

/**
 * The plans file as the operator writes it (see the README's "Plans" section). Cross-field rules
 * (the `noPurchase` plan exists, Marketplace plan ids are unique) are checked after this.
 */
export const plansFileSchema = z.strictObject({
  plans: z
    .record(
      z.string().regex(/^[A-Za-z0-9][\w-]*$/, 'expected a plan name of letters, digits, - or _'),
      planSchema,
      {
        error: 'expected a mapping of plan names to their limits',
      },
    )
    .refine((plans) => Object.keys(plans).length > 0, 'expected at least one plan'),
  noPurchase: z.string({ error: 'expected the name of one of the plans' }),
  upgradeUrl: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
});

export type PlansFile = z.output<typeof plansFileSchema>;
