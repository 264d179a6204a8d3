import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BudgetExceededError, ModelTimeoutError } from '../../src/errors.js';
import { createSpendMeter, type InstallationBudgets } from '../../src/jobs/create-spend-meter.js';
import type { ModelClient, ModelRequest, ModelResponse, ModelUsage } from '../../src/llm/model-client.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';

const INSTALLATION = 42;
const DEC_3 = Date.UTC(2026, 11, 3, 15, 0);
const DEC_2 = Date.UTC(2026, 11, 2, 15, 0);

const request: ModelRequest<string> = {
  role: 'reviewer',
  messages: [{ role: 'user', content: 'Review this.' }],
  schema: z.string(),
  schemaName: 'answer',
};

/** A call as the provider bills it: `prompt` + `completion` tokens over every attempt. */
const usage = (prompt: number, completion: number, attempts = 1): ModelUsage => ({
  calls: 1,
  attempts,
  failedCalls: attempts - 1,
  promptTokens: prompt,
  completionTokens: completion,
  cachedPromptTokens: 0,
});

/** A model that answers each call with the next usage given (or fails with it), after `latencyMs`. */
function billedModel(
  bills: ReadonlyArray<ModelUsage | { fails: ModelUsage }>,
  latencyMs = 0,
): ModelClient & { calls: number } {
  const model = {
    calls: 0,
    async complete<T>(): Promise<ModelResponse<T>> {
      const bill = bills[model.calls++] ?? usage(0, 0);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      if ('fails' in bill) {
        const error = new ModelTimeoutError('timed out on every attempt');
        error.usage = bill.fails;
        throw error;
      }
      return { value: 'ok' as T, usage: bill, model: 'scripted' };
    },
  };
  return model;
}

function meterFor(model: ModelClient, budgets: InstallationBudgets = {}, now = DEC_3) {
  const store = createInMemoryStore();
  const meter = createSpendMeter(model, { store, installationId: INSTALLATION, budgets, now: () => now });
  return { store, meter };
}

/** The budget a call was refused for, or 'answered'. */
async function outcomeOf(meter: ReturnType<typeof meterFor>['meter']): Promise<string> {
  try {
    await meter.model.complete(request);
    return 'answered';
  } catch (error) {
    if (error instanceof BudgetExceededError) return `${error.budget}: ${error.spent} of ${error.limit}`;
    throw error;
  }
}

describe('the spend meter', () => {
  it('calls under every cap › answered; prompt and completion tokens of every attempt added to the installation', async () => {
    const { store, meter } = meterFor(billedModel([usage(1_000, 200), usage(3_000, 500, 2)]), {
      dailyTokens: 100_000,
      monthlyTokens: 1_000_000,
    });
    expect([await outcomeOf(meter), await outcomeOf(meter)]).toEqual(['answered', 'answered']);
    expect(meter.spent()).toBe(4_700);
    expect(await store.spendOf(INSTALLATION, DEC_3)).toEqual({ day: 4_700, month: 4_700 });
    expect(meter.stoppedBy()).toBeNull();
  });

  it('a call that fails after spending › its error is the caller’s, its tokens are counted', async () => {
    const { store, meter } = meterFor(billedModel([{ fails: usage(2_500, 40, 3) }]));
    await expect(meter.model.complete(request)).rejects.toBeInstanceOf(ModelTimeoutError);
    expect(meter.spent()).toBe(2_540);
    expect(await store.spendOf(INSTALLATION, DEC_3)).toEqual({ day: 2_540, month: 2_540 });
  });

  it.each([
    {
      when: 'the review reached budget.maxTokens',
      reviewCap: 10_000,
      budgets: {},
      spentBefore: { today: 0, yesterday: 0 },
      refused: 'review: 12000 of 10000',
    },
    {
      when: 'the installation spent its day (other reviews included)',
      reviewCap: undefined,
      budgets: { dailyTokens: 50_000 },
      spentBefore: { today: 40_000, yesterday: 0 },
      refused: 'installation-day: 52000 of 50000',
    },
    {
      when: 'the installation spent its month over several days',
      reviewCap: undefined,
      budgets: { dailyTokens: 50_000, monthlyTokens: 60_000 },
      spentBefore: { today: 0, yesterday: 49_000 },
      refused: 'installation-month: 61000 of 60000',
    },
  ])('$when › the next call is refused and the model is not asked', async (row) => {
    const model = billedModel([usage(10_000, 2_000), usage(10_000, 2_000)]);
    const { store, meter } = meterFor(model, row.budgets);
    await store.addSpend(INSTALLATION, row.spentBefore.yesterday, DEC_2);
    await store.addSpend(INSTALLATION, row.spentBefore.today, DEC_3);
    if (row.reviewCap) meter.capReview(row.reviewCap);
    expect(await outcomeOf(meter)).toBe('answered');
    expect(await outcomeOf(meter)).toBe(row.refused);
    expect(model.calls).toBe(1);
    expect(meter.stoppedBy()).toBe(row.refused.split(':')[0]);
  });

  it('yesterday’s spend › does not count against today’s cap', async () => {
    const { store, meter } = meterFor(billedModel([usage(100, 10)]), { dailyTokens: 50_000 });
    await store.addSpend(INSTALLATION, 80_000, DEC_2);
    expect(await outcomeOf(meter)).toBe('answered');
  });

  it('passes started together under the cap › all finish and are counted; none starts after', async () => {
    const model = billedModel([usage(5_000, 1_000), usage(5_000, 1_000), usage(5_000, 1_000)], 20);
    const { store, meter } = meterFor(model);
    meter.capReview(10_000);
    const together = await Promise.all([outcomeOf(meter), outcomeOf(meter), outcomeOf(meter)]);
    expect(together).toEqual(['answered', 'answered', 'answered']);
    expect(meter.spent()).toBe(18_000);
    expect(await store.spendOf(INSTALLATION, DEC_3)).toEqual({ day: 18_000, month: 18_000 });
    expect(await outcomeOf(meter)).toBe('review: 18000 of 10000');
    expect(model.calls).toBe(3);
  });
});
