import { afterEach, describe, expect, it } from 'vitest';
import { createSiftMetrics } from '../../../src/metrics/sift-metrics.js';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import { INVENTORY_SCRIPT, RESERVE_TITLE } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

// The harness's installation; a fixed clock, so the day the budget starts over is known.
const INSTALLATION = 42;
const DEC_3 = Date.UTC(2026, 11, 3, 15, 0);

const lastCheckRun = (life: Lifecycle) => {
  const body = life.github.checkRuns.at(-1)?.body ?? {};
  const output = body.output as { title?: string; summary?: string } | undefined;
  return { conclusion: body.conclusion, title: output?.title, summary: output?.summary ?? '' };
};

const stopsOf = async (metrics: ReturnType<typeof createSiftMetrics>, budget: string) =>
  (await metrics.render()).body
    .split('\n')
    .find((row) => row.startsWith(`sift_budget_stops_total{budget="${budget}"} `))
    ?.split(' ')[1];

describe('an installation’s daily token budget', () => {
  it('already spent when a pull request opens › a neutral "Not reviewed" check run says until when and which setting raises it; the model is not asked', async () => {
    const metrics = createSiftMetrics();
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      now: () => DEC_3,
      budgets: { installationDailyTokens: 2_000_000 },
      metrics,
    });
    // Other pull requests of the installation spent the day's budget this morning.
    await life.store.addSpend(INSTALLATION, 2_000_000, DEC_3 - 6 * 3_600_000);
    await life.opened();
    await life.idle();

    expect(life.model.requests).toEqual([]);
    expect(life.github.reviews).toEqual([]);
    const checkRun = lastCheckRun(life);
    expect(checkRun.conclusion).toBe('neutral');
    expect(checkRun.title).toBe('Not reviewed: model budget spent');
    expect(checkRun.summary).toContain(
      "this installation's daily model budget is used up, 2,000,000 tokens spent of 2,000,000 today (UTC)",
    );
    expect(checkRun.summary).toContain('The budget starts over at 00:00 UTC on 2026-12-04');
    expect(checkRun.summary).toContain('`SIFT_INSTALLATION_DAILY_TOKENS` (now 2,000,000)');
    expect(await stopsOf(metrics, 'installation-day')).toBe('1');
  });

  it('spent by the first review › the next push is not reviewed, and a question in its thread is declined politely', async () => {
    const metrics = createSiftMetrics();
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      now: () => DEC_3,
      // The scripted model bills 1,100 tokens a call: four passes (4,400) leave room for the
      // verifier, whose call takes the day past 5,000.
      budgets: { installationDailyTokens: 5_000 },
      metrics,
    });
    await life.opened();
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect((await life.store.spendOf(INSTALLATION, DEC_3)).day).toBeGreaterThanOrEqual(5_000);
    const calls = life.model.requests.length;

    await life.push('src/stock.ts', (text) => `${text}\nexport const RESERVED = 0;\n`);
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(lastCheckRun(life)).toMatchObject({
      conclusion: 'neutral',
      title: 'Not reviewed: model budget spent',
    });

    const root = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    if (!root) throw new Error('no reserve finding');
    await life.reply(root.id, 'why?');
    await life.idle();
    expect(
      life.github.reviewComments.filter((comment) => comment.in_reply_to_id === root.id).at(-1),
    ).toMatchObject({
      user: { type: 'Bot' },
      body: "Sift cannot answer right now: this installation's daily model budget is used up. It can answer again after 00:00 UTC on 2026-12-04. Whoever runs Sift can raise it by setting `SIFT_INSTALLATION_DAILY_TOKENS` (now 5,000) in its environment.",
    });
    expect(life.model.requests).toHaveLength(calls);
    expect(await stopsOf(metrics, 'installation-day')).toBe('2');
  });
});
