import type { CheckRunReport } from '../review/pull-request-host.js';
import type { PlanInEffect } from './plan-in-effect.js';
import type { PlanRefusal } from './plan-refusal.js';
import { startOfNextMonth } from './start-of-next-month.js';

/**
 * The check run of a review the plan did not let start. Neutral, not failed: nothing is wrong
 * with the pull request, and a required check must not block a merge over a plan. It names the
 * limit, what was used, when it starts over and where to upgrade — never silence.
 */
export function renderPlanLimit(
  refusal: PlanRefusal,
  inEffect: PlanInEffect,
  context: { readonly headSha: string; readonly repository: string; readonly now: number },
): CheckRunReport {
  const commit = `commit \`${context.headSha.slice(0, 7)}\``;
  const plan = `${inEffect.account}'s **${inEffect.plan.name}** plan (${inEffect.reason})`;
  const upgrade = `To ${refusal.limit === 'privateRepositories' ? 'have private repositories reviewed' : 'review more this month'}, upgrade the plan: ${inEffect.upgradeUrl}`;
  if (refusal.limit === 'privateRepositories') {
    return {
      conclusion: 'neutral',
      title: 'Not reviewed: private repositories are not in the plan',
      summary: [
        `Sift did not review ${commit}: ${plan} reviews public repositories only, and ${context.repository} is private. Nothing was posted.`,
        '',
        upgrade,
      ].join('\n'),
    };
  }
  const count = (value: number) => value.toLocaleString('en-US');
  return {
    conclusion: 'neutral',
    title: 'Not reviewed: monthly review limit reached',
    summary: [
      `Sift did not review ${commit}: ${plan} includes ${count(refusal.allowed)} reviews a month, and ${count(refusal.used)} have been used this month (UTC). Nothing was posted.`,
      '',
      `The count starts over at 00:00 UTC on ${startOfNextMonth(context.now)}; push a commit or use **Re-run** on this check after that.`,
      '',
      upgrade,
    ].join('\n'),
  };
}
