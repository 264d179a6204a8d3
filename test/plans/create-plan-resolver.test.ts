import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { AccountPurchase } from '../../src/plans/account-purchase.js';
import { createPlanResolver } from '../../src/plans/create-plan-resolver.js';
import { loadPlansFile } from '../../src/plans/load-plans-file.js';
import type { MarketplaceLookup } from '../../src/plans/marketplace-lookup.js';
import type { PlansConfig } from '../../src/plans/plan-types.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { FIXTURES } from '../support/fixtures.js';

const PLANS = loadPlansFile(join(FIXTURES, 'plans/plans.yml'));
const DEC_3 = Date.UTC(2026, 11, 3, 12, 0);

/** GitHub's app-level answers, counted; `failing` makes the purchase lookup fail as GitHub would in an outage. */
function lookup(plan: AccountPurchase['plan'], options: { failing?: boolean } = {}) {
  const asked: string[] = [];
  const marketplace: MarketplaceLookup = {
    async installation(id) {
      asked.push(`installation ${id}`);
      return { id, account: { id: 9001, login: 'acme' }, suspended: false };
    },
    async purchaseOf(account) {
      asked.push(`purchase ${account.id}`);
      if (options.failing) throw Object.assign(new Error('Server Error'), { status: 502 });
      return {
        accountId: account.id,
        accountLogin: account.login,
        plan,
        onFreeTrial: false,
        freeTrialEndsOn: null,
        pending: null,
        source: 'lookup',
      };
    },
  };
  return { marketplace, asked };
}

function resolver(marketplace: MarketplaceLookup, plans: PlansConfig | null = PLANS) {
  const logged: Array<{ level: number; msg: string }> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  const store = createInMemoryStore();
  return { planOf: createPlanResolver({ plans, store, marketplace, now: () => DEC_3, log }), logged, store };
}

describe('createPlanResolver', () => {
  it('no plans file › null, and GitHub is not asked', async () => {
    const { marketplace, asked } = lookup({ id: 7, name: 'Team' });
    expect(await resolver(marketplace, null).planOf(42)).toBeNull();
    expect(asked).toEqual([]);
  });

  it('an installation it never heard of › its account and purchase asked once, then kept', async () => {
    const { marketplace, asked } = lookup({ id: 7, name: 'Team' });
    const { planOf } = resolver(marketplace);
    expect((await planOf(42))?.plan.name).toBe('team');
    expect((await planOf(42))?.plan.name).toBe('team');
    expect(asked).toEqual(['installation 42', 'purchase 9001']);
  });

  it('a Marketplace plan the plans file does not name › the noPurchase plan, and a warning telling the operator what to add', async () => {
    const { marketplace } = lookup({ id: 99, name: 'Gold' });
    const { planOf, logged } = resolver(marketplace);
    expect(await planOf(42)).toMatchObject({
      plan: { name: 'free' },
      reason: 'the Marketplace plan Gold (id 99) is not in the plans file',
      known: false,
    });
    expect(logged.map((line) => line.msg)).toContain(
      'a Marketplace plan is not in the plans file: the free plan applies (add its marketplacePlanId to SIFT_PLANS_FILE)',
    );
  });

  it('GitHub failing to answer › the failure goes to the job (which retries), and nothing is kept', async () => {
    const { marketplace, asked } = lookup(null, { failing: true });
    const { planOf, store } = resolver(marketplace);
    await expect(planOf(42)).rejects.toThrow('Server Error');
    expect(await store.purchase(9001)).toBeNull();
    await expect(planOf(42)).rejects.toThrow('Server Error');
    expect(asked).toEqual(['installation 42', 'purchase 9001', 'purchase 9001']);
  });
});
