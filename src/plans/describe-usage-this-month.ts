import type { InstallationSpend } from '../store/sift-store.js';
import type { PlanInEffect } from './plan-in-effect.js';
import { startOfNextMonth } from './start-of-next-month.js';

/** `/review stats`' line on what the installation used this UTC month, against its plan when it has one. */
export function describeUsageThisMonth(
  usage: { readonly reviews: number; readonly spend: InstallationSpend },
  inEffect: PlanInEffect | null,
  now: number,
): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const tokens = `${count(usage.spend.month)} model tokens`;
  const allowed = inEffect?.plan.reviewsPerMonth;
  const reviews =
    inEffect && allowed !== undefined
      ? `${count(usage.reviews)} of the ${count(allowed)} reviews ${inEffect.account}'s **${inEffect.plan.name}** plan includes`
      : `${count(usage.reviews)} review${usage.reviews === 1 ? '' : 's'}`;
  return `**This installation this month (UTC):** ${reviews}, ${tokens}. The count starts over on ${startOfNextMonth(now)}.`;
}
