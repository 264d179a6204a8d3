import { plural } from '../review/render/plural.js';
import type { PlanInEffect } from './plan-in-effect.js';

/**
 * What the plan changed about a review that ran, for its check run: fewer passes than
 * `ensemble.passes` asks for, and the files a pull request larger than the plan left out.
 */
export function describePlanCaps(
  inEffect: PlanInEffect,
  review: { readonly passesAsked: number; readonly leftOutBySize: number; readonly reviewedFiles: number },
): string[] {
  const { plan } = inEffect;
  const name = `${inEffect.account}'s **${plan.name}** plan`;
  const notes: string[] = [];
  if (plan.passes !== undefined && plan.passes < review.passesAsked) {
    notes.push(
      `${name} runs up to ${plural(plan.passes, 'review pass', 'review passes')}; \`ensemble.passes\` asks for ${review.passesAsked}.`,
    );
  }
  if (review.leftOutBySize > 0) {
    const count = (value: number, noun: string) =>
      `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
    const limits = [
      plan.maxFiles !== undefined ? count(plan.maxFiles, 'file') : null,
      plan.maxChangedLines !== undefined ? count(plan.maxChangedLines, 'changed line') : null,
    ].filter(Boolean);
    notes.push(
      `This pull request is larger than ${name} reviews (${limits.join(' and ')}): Sift reviewed its ${plural(review.reviewedFiles, 'riskiest file')} and left ${review.leftOutBySize} out (listed below). To review pull requests this size in full, upgrade the plan: ${inEffect.upgradeUrl}`,
    );
  }
  return notes;
}
