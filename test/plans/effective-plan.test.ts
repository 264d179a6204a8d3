import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountPurchase } from '../../src/plans/account-purchase.js';
import { applyPurchaseEvent } from '../../src/plans/apply-purchase-event.js';
import { effectivePlan } from '../../src/plans/effective-plan.js';
import { loadPlansFile } from '../../src/plans/load-plans-file.js';
import type { MarketplacePurchaseEvent } from '../../src/plans/marketplace-purchase-event.js';
import { FIXTURES } from '../support/fixtures.js';

const PLANS = loadPlansFile(join(FIXTURES, 'plans/plans.yml'));
const ACCOUNT = { id: 9001, login: 'acme' };
const TEAM = { id: 7, name: 'Team' };
const FREE_LISTING = { id: 6, name: 'Free' };
const DEC_3 = Date.UTC(2026, 11, 3, 12, 0);
const JAN_1 = '2027-01-01T00:00:00+00:00';

const event = (
  action: MarketplacePurchaseEvent['action'],
  plan: { id: number; name: string },
  extra: Partial<MarketplacePurchaseEvent['marketplace_purchase']> & { effective?: string } = {},
): MarketplacePurchaseEvent => ({
  action,
  effective_date: extra.effective ?? '2026-12-01T00:00:00+00:00',
  marketplace_purchase: { account: ACCOUNT, plan, on_free_trial: false, free_trial_ends_on: null, ...extra },
});

/** The plan name and reason an account is under after a series of events, at `now`. */
function planAfter(events: MarketplacePurchaseEvent[], now = DEC_3) {
  let purchase: AccountPurchase | null = null;
  for (const item of events) purchase = applyPurchaseEvent(item, purchase);
  const inEffect = effectivePlan(PLANS, purchase, 'acme', now);
  return {
    plan: inEffect.plan.name,
    reason: inEffect.reason,
    upcoming: inEffect.upcoming && `${inEffect.upcoming.plan.name} from ${inEffect.upcoming.from}`,
  };
}

describe('the plan an account is under', () => {
  it.each([
    ['nothing heard', [], { plan: 'free', reason: 'no Marketplace purchase', upcoming: null }],
    [
      'Team purchased',
      [event('purchased', TEAM)],
      { plan: 'team', reason: 'bought on the GitHub Marketplace (Team)', upcoming: null },
    ],
    [
      'a free trial of Team',
      [event('purchased', TEAM, { on_free_trial: true, free_trial_ends_on: '2026-12-15T00:00:00+00:00' })],
      {
        plan: 'team',
        reason: 'bought on the GitHub Marketplace (Team), on a free trial until 2026-12-15',
        upcoming: null,
      },
    ],
    [
      'a free trial that ended in a paid plan (`changed`)',
      [
        event('purchased', TEAM, { on_free_trial: true, free_trial_ends_on: '2026-12-15T00:00:00+00:00' }),
        event('changed', TEAM),
      ],
      { plan: 'team', reason: 'bought on the GitHub Marketplace (Team)', upcoming: null },
    ],
    [
      'Team cancelled',
      [event('purchased', TEAM), event('cancelled', TEAM)],
      { plan: 'free', reason: 'no Marketplace purchase', upcoming: null },
    ],
    [
      'a Marketplace plan the plans file does not name',
      [event('purchased', { id: 99, name: 'Gold' })],
      {
        plan: 'free',
        reason: 'the Marketplace plan Gold (id 99) is not in the plans file',
        upcoming: null,
      },
    ],
    [
      'a downgrade to Free pending for January, in December',
      [event('purchased', TEAM), event('pending_change', FREE_LISTING, { effective: JAN_1 })],
      {
        plan: 'team',
        reason: 'bought on the GitHub Marketplace (Team)',
        upcoming: 'free from 2027-01-01',
      },
    ],
    [
      'the pending downgrade, then cancelled',
      [
        event('purchased', TEAM),
        event('pending_change', FREE_LISTING, { effective: JAN_1 }),
        event('pending_change_cancelled', TEAM),
      ],
      { plan: 'team', reason: 'bought on the GitHub Marketplace (Team)', upcoming: null },
    ],
  ] as const)('%s › %o', (_, events, expected) => {
    expect(planAfter([...events])).toEqual(expected);
  });

  it('a pending downgrade on its effective date › in effect, before GitHub’s `changed` arrives', () => {
    const events = [event('purchased', TEAM), event('pending_change', FREE_LISTING, { effective: JAN_1 })];
    expect(planAfter(events, Date.parse(JAN_1) - 1).plan).toBe('team');
    expect(planAfter(events, Date.parse(JAN_1))).toEqual({
      plan: 'free',
      reason: 'bought on the GitHub Marketplace (Free)',
      upcoming: null,
    });
  });

  it('a pending change for an account Sift never heard of, with no previous plan › nothing recorded (it is looked up instead)', () => {
    expect(applyPurchaseEvent(event('pending_change', FREE_LISTING, { effective: JAN_1 }), null)).toBeNull();
  });
});
