import type { ConfigEntry } from '../config/describe-config-sources.js';
import type { PlanInEffect } from './plan-in-effect.js';
import type { PlanLimits } from './plan-types.js';

const LIMITS: ReadonlyArray<{ key: keyof PlanLimits; label: string }> = [
  { key: 'reviewsPerMonth', label: 'reviews per UTC month' },
  { key: 'maxFiles', label: 'files reviewed per pull request' },
  { key: 'maxChangedLines', label: 'changed lines reviewed per pull request' },
  { key: 'passes', label: 'review passes at most' },
  { key: 'privateRepositories', label: 'private repositories reviewed' },
];

/**
 * The settings `/review config` lists, with the plan beside them: the plan and each of its limits
 * as rows with where they come from (the operator's plans file, and why this plan), and
 * `ensemble.passes` marked where the plan runs fewer. Without plans, one row says nothing is limited.
 */
export function describePlanSettings(
  entries: readonly ConfigEntry[],
  inEffect: PlanInEffect | null,
  reviewsThisMonth: number,
): ConfigEntry[] {
  if (!inEffect) {
    return [
      ...entries,
      {
        key: 'plan',
        value: null,
        source: 'no plans file (SIFT_PLANS_FILE) on this Sift: nothing is limited',
      },
    ];
  }
  const { plan } = inEffect;
  const fromPlan = `plan \`${plan.name}\` (SIFT_PLANS_FILE)`;
  const capped = entries.map((entry) =>
    entry.key === 'ensemble.passes' &&
    plan.passes !== undefined &&
    typeof entry.value === 'number' &&
    entry.value > plan.passes
      ? { ...entry, source: `${entry.source}; the \`${plan.name}\` plan runs ${plan.passes}` }
      : entry,
  );
  const limits = LIMITS.map(({ key, label }) => ({
    key: `plan.${key}`,
    value: plan[key] ?? 'no limit',
    source:
      key === 'reviewsPerMonth'
        ? `${fromPlan}: ${label}, ${reviewsThisMonth.toLocaleString('en-US')} used this month`
        : `${fromPlan}: ${label}`,
  }));
  const upcoming = inEffect.upcoming
    ? `; from ${inEffect.upcoming.from} the \`${inEffect.upcoming.plan.name}\` plan`
    : '';
  return [
    ...capped,
    {
      key: 'plan',
      value: plan.name,
      source: `${inEffect.account}: ${inEffect.reason}${upcoming}; upgrade: ${inEffect.upgradeUrl}`,
    },
    ...limits,
  ];
}
