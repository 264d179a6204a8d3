import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlansFile } from '../../../src/plans/load-plans-file.js';
import { parsePlansFile } from '../../../src/plans/parse-plans-file.js';
import { FIXTURES } from '../../support/fixtures.js';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import { INVENTORY_SCRIPT } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  expect(life?.github.unexpected ?? []).toEqual([]);
  await life?.stop();
  life = undefined;
});

// The plans file the README shows: `free` for accounts that bought nothing, `team` bought as Marketplace plan 7.
const PLANS = loadPlansFile(join(FIXTURES, 'plans/plans.yml'));
const INSTALLATION = { id: 42, account: { id: 9001, login: 'acme', type: 'Organization' } };
const TEAM = { id: 7, name: 'Team' };
const FREE = { id: 6, name: 'Free' };
const DEC_3 = Date.UTC(2026, 11, 3, 15, 0);
const JAN_1 = '2027-01-01T00:00:00+00:00';

const lastCheckRun = (life: Lifecycle) => {
  const body = life.github.checkRuns.at(-1)?.body ?? {};
  const output = body.output as { title?: string; summary?: string } | undefined;
  return { conclusion: body.conclusion, title: output?.title, summary: output?.summary ?? '' };
};

/** What GitHub sends when the app is installed on acme's whole organisation. */
const installed = (life: Lifecycle) =>
  life.deliver('installation', {
    action: 'created',
    installation: INSTALLATION,
    repositories: [{ full_name: 'acme/inventory', private: false }],
  });

/** What the Marketplace sends the listing's webhook; it names the account, not an installation. */
const marketplace = (
  life: Lifecycle,
  action: string,
  plan: { id: number; name: string },
  effective = '2026-12-01T00:00:00+00:00',
) =>
  life.deliver('marketplace_purchase', {
    action,
    effective_date: effective,
    sender: { login: 'acme-admin' },
    marketplace_purchase: {
      account: { id: 9001, login: 'acme', type: 'Organization' },
      billing_cycle: 'monthly',
      unit_count: 1,
      on_free_trial: false,
      free_trial_ends_on: null,
      next_billing_date: JAN_1,
      plan: { ...plan, monthly_price_in_cents: 0, price_model: 'FLAT_RATE', has_free_trial: false },
    },
  });

describe('an organisation on the free plan (it bought nothing)', () => {
  it('with the month’s 50 reviews used › a neutral check run names the limit, the usage, the reset and the upgrade; after buying Team, the next push is reviewed', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      now: () => DEC_3,
      plans: PLANS,
    });
    // Installed before this Sift kept installations: its account is asked of GitHub, once.
    life.github.marketplace.installations.set(42, {
      account: { id: 9001, login: 'acme' },
      suspended_at: null,
    });
    for (let review = 0; review < 50; review += 1) await life.store.addReview(42, DEC_3 - 3_600_000);

    await life.opened();
    await life.idle();
    expect(life.model.requests).toEqual([]);
    expect(life.github.reviews).toEqual([]);
    const head = life.head().slice(0, 7);
    expect(lastCheckRun(life)).toEqual({
      conclusion: 'neutral',
      title: 'Not reviewed: monthly review limit reached',
      summary: [
        `Sift did not review commit \`${head}\`: acme's **free** plan (no Marketplace purchase) includes 50 reviews a month, and 50 have been used this month (UTC). Nothing was posted.`,
        '',
        'The count starts over at 00:00 UTC on 2027-01-01; push a commit or use **Re-run** on this check after that.',
        '',
        'To review more this month, upgrade the plan: https://github.com/marketplace/sift',
      ].join('\n'),
    });
    expect(life.github.marketplace.asked).toEqual([
      '/api/v3/app/installations/42',
      '/api/v3/marketplace_listing/accounts/9001',
    ]);

    await marketplace(life, 'purchased', TEAM);
    await life.push('src/stock.ts', (text) => `${text}\nexport const RESERVED = 0;\n`);
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(lastCheckRun(life).title).toMatch(/finding/);
    // What the webhook said is kept: the Marketplace is not asked again.
    expect(life.github.marketplace.asked).toHaveLength(2);
    expect(await life.store.reviewsOf(42, DEC_3)).toBe(51);

    await life.comment('/review stats');
    await life.idle();
    expect(life.github.issueComments.at(-1)?.body).toContain(
      "**This installation this month (UTC):** 51 of the 2,000 reviews acme's **team** plan includes, 5,500 model tokens. The count starts over on 2027-01-01.",
    );
  });

  it('on a private repository › not reviewed; the check run says the plan reviews public repositories only, and where to upgrade', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      now: () => DEC_3,
      plans: PLANS,
      private: true,
    });
    await installed(life);
    await life.opened();
    await life.idle();
    expect(life.model.requests).toEqual([]);
    expect(lastCheckRun(life)).toEqual({
      conclusion: 'neutral',
      title: 'Not reviewed: private repositories are not in the plan',
      summary: [
        `Sift did not review commit \`${life.head().slice(0, 7)}\`: acme's **free** plan (no Marketplace purchase) reviews public repositories only, and acme/inventory is private. Nothing was posted.`,
        '',
        'To have private repositories reviewed, upgrade the plan: https://github.com/marketplace/sift',
      ].join('\n'),
    });
    // The installation came by webhook; only the purchase was asked.
    expect(life.github.marketplace.asked).toEqual(['/api/v3/marketplace_listing/accounts/9001']);
  });
});

describe('a pull request larger than the plan', () => {
  it('› its riskiest file is reviewed with the plan’s one pass, and the check run says what was left out and where to upgrade', async () => {
    const tiny = parsePlansFile(
      'plans:\n  tiny: { maxFiles: 1, passes: 1 }\nnoPurchase: tiny\nupgradeUrl: https://github.com/marketplace/sift\n',
      'plans.yml',
    );
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      now: () => DEC_3,
      plans: tiny,
    });
    await installed(life);
    await life.opened();
    await life.idle();

    // One review pass and the verifier, on one file.
    expect(life.model.requests).toHaveLength(2);
    expect(life.github.reviews).toHaveLength(1);
    const summary = lastCheckRun(life).summary;
    expect(summary).toContain('| Files reviewed | 1 of ');
    expect(summary).toContain("acme's **tiny** plan runs up to 1 review pass; `ensemble.passes` asks for 4.");
    expect(summary).toMatch(
      /This pull request is larger than acme's \*\*tiny\*\* plan reviews \(1 file\): Sift reviewed its 1 riskiest file and left \d+ out \(listed below\)\. To review pull requests this size in full, upgrade the plan: https:\/\/github\.com\/marketplace\/sift/,
    );
    expect(summary).toContain(
      'left out: the pull request is larger than its plan reviews (riskier files first)',
    );
  });
});

describe('a downgrade at the end of the billing cycle', () => {
  it('› Team until its effective date, Free from then on, before GitHub’s `changed` arrives; /review config shows the plan, its limits and the change to come', async () => {
    let now = DEC_3;
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      now: () => now,
      plans: PLANS,
      private: true,
    });
    await installed(life);
    await marketplace(life, 'purchased', TEAM);
    await marketplace(life, 'pending_change', FREE, JAN_1);
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);

    await life.comment('/review config');
    await life.idle();
    const config = life.github.issueComments.at(-1)?.body ?? '';
    expect(config).toContain(
      '| `plan` | `"team"` | acme: bought on the GitHub Marketplace (Team); from 2027-01-01 the `free` plan; upgrade: https://github.com/marketplace/sift |',
    );
    expect(config).toContain(
      '| `plan.reviewsPerMonth` | `2000` | plan `team` (SIFT_PLANS_FILE): reviews per UTC month, 1 used this month |',
    );
    expect(config).toContain(
      '| `plan.privateRepositories` | `true` | plan `team` (SIFT_PLANS_FILE): private repositories reviewed |',
    );

    now = Date.parse(JAN_1) + 3_600_000;
    await life.push('src/stock.ts', (text) => `${text}\nexport const RESERVED = 0;\n`);
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(lastCheckRun(life)).toMatchObject({
      conclusion: 'neutral',
      title: 'Not reviewed: private repositories are not in the plan',
    });
    expect(lastCheckRun(life).summary).toContain(
      "acme's **free** plan (bought on the GitHub Marketplace (Free))",
    );
    expect(life.github.marketplace.asked).toEqual([]);
  });
});

describe('SIFT_MARKETPLACE_STUBBED', () => {
  it('› an account’s purchase is asked of the stubbed listing, and its plan applies', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      now: () => DEC_3,
      plans: PLANS,
      marketplaceStubbed: true,
      private: true,
    });
    life.github.marketplace.stubbedAccounts.set(9001, {
      id: 9001,
      login: 'acme',
      marketplace_purchase: { plan: TEAM, on_free_trial: true, free_trial_ends_on: '2026-12-17T00:00:00Z' },
    });
    await installed(life);
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(life.github.marketplace.asked).toEqual(['/api/v3/marketplace_listing/stubbed/accounts/9001']);
  });
});
