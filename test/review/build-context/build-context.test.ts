import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSymbolCaches } from '../../../src/context/symbol-index.js';
import { parseUnifiedDiff } from '../../../src/diff/parse-unified-diff.js';
import { countTokens } from '../../../src/llm/count-tokens.js';
import { createFixtureRepository } from '../../../src/repository/fixture-repository.js';
import type { RepositorySnapshot } from '../../../src/repository/repository-reader.js';
import { buildContext } from '../../../src/review/build-context/build-context.js';
import type { ContextSnippet } from '../../../src/review/build-context/context-types.js';
import { renderContext, renderSnippet } from '../../../src/review/build-context/render-context.js';
import type { ReviewFile } from '../../../src/review/types.js';
import { FIXTURE_REPOSITORIES, gitRepoFromFixture } from '../../support/git-repo-from-fixture.js';

// The checkout fixture's change puts applyDiscount's percentage first and updates its test; cart.ts
// and invoice.ts still call it the old way.
let files: ReviewFile[] = [];
let snapshot: RepositorySnapshot;
let dir = '';

beforeAll(async () => {
  dir = gitRepoFromFixture('checkout');
  const diff = execFileSync('git', ['-C', dir, 'diff', 'base', 'head'], { encoding: 'utf8' });
  files = parseUnifiedDiff(diff).map((file, index) => ({ id: `f${index + 1}`, file }));
  snapshot = await createFixtureRepository(FIXTURE_REPOSITORIES.checkout).snapshot('head');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BUDGET = 8_000;
const build = (budget = BUDGET, only?: string) =>
  buildContext(
    { files: only ? files.filter(({ file }) => file.path === only) : files, budget },
    { snapshot, caches: createSymbolCaches() },
  );
const rows = (snippets: readonly ContextSnippet[]) =>
  snippets.map((s) => `${s.path}:${s.startLine}-${s.endLine} ${s.reason} ${s.symbol}`);

describe('buildContext', () => {
  describe('on a change that reorders the parameters of applyDiscount', () => {
    it('reviews the two changed files', () => {
      expect(files.map(({ file }) => file.path)).toEqual(['src/pricing.ts', 'test/pricing.test.ts']);
    });

    it('shows both callers in other files, as callers of a changed signature, first', async () => {
      const context = await build();
      expect(rows(context.snippets.slice(0, 2))).toEqual([
        'src/cart.ts:14-16 caller-of-changed-signature applyDiscount',
        'src/invoice.ts:11-14 caller-of-changed-signature applyDiscount',
      ]);
      expect(context.snippets[0]?.lines).toContain('  return applyDiscount(subtotal(lines), couponPercent);');
      expect(context.snippets[1]?.lines).toContain(
        '  const discounted = pricing.applyDiscount(subtotal(invoice.lines), invoice.loyaltyPercent);',
      );
    });

    it('the test of applyDiscount is reviewed as a changed file, and shown whole as a related test', async () => {
      const context = await build();
      expect(rows(context.snippets).filter((row) => row.startsWith('test/'))).toEqual([
        'test/pricing.test.ts:1-8 related-test applyDiscount',
      ]);
    });

    it('with only pricing.ts under review, the test still comes as a related test', async () => {
      const context = await build(BUDGET, 'src/pricing.ts');
      expect(rows(context.snippets)).toContain('test/pricing.test.ts:1-8 related-test applyDiscount');
    });

    it('renders what the model is shown', async () => {
      expect(renderContext(await build())).toMatchInlineSnapshot(`
        "<snippet cite="src/cart.ts:14-16" why="uses applyDiscount, whose signature this change modifies">
        14| export function cartTotal(lines: Line[], couponPercent: number): Cents {
        15|   return applyDiscount(subtotal(lines), couponPercent);
        16| }
        </snippet>

        <snippet cite="src/invoice.ts:11-14" why="uses applyDiscount, whose signature this change modifies">
        11| export function invoiceTotal(invoice: Invoice): number {
        12|   const discounted = pricing.applyDiscount(subtotal(invoice.lines), invoice.loyaltyPercent);
        13|   return pricing.addTax(discounted, invoice.taxRate);
        14| }
        </snippet>

        <snippet cite="src/pricing.ts:8-11" why="definition of applyDiscount, which the change uses">
         8| export function applyDiscount(percent: number, total: Cents): Cents {
         9|   if (percent <= 0) return total;
        10|   return Math.round(total * (1 - percent / 100));
        11| }
        </snippet>

        <snippet cite="test/pricing.test.ts:1-8" why="a test that uses applyDiscount">
        1| import { describe, expect, it } from 'vitest';
        2| import { applyDiscount } from '../src/pricing.js';
        3| 
        4| describe('applyDiscount', () => {
        5|   it('takes the percentage off', () => {
        6|     expect(applyDiscount(15, 10_000)).toBe(8_500);
        7|   });
        8| });
        </snippet>"
      `);
    });

    it('stays within the budget and reports the tokens it used', async () => {
      const context = await build();
      const used = context.snippets.reduce((sum, snippet) => sum + countTokens(renderSnippet(snippet)), 0);
      expect(context).toMatchObject({ tokens: used, budget: BUDGET, omitted: 0 });
    });

    it('with a budget for one snippet, keeps the highest-ranked and counts the rest as omitted', async () => {
      const full = await build();
      const [best] = full.snippets;
      if (!best) throw new Error('no context built');
      const tight = await build(countTokens(renderSnippet(best)));
      expect(rows(tight.snippets)).toEqual(rows([best]));
      expect(tight.omitted).toBe(full.snippets.length - 1);
    });

    it('with a budget of 0, builds no context', async () => {
      expect(await build(0)).toEqual({ snippets: [], tokens: 0, budget: 0, omitted: 0 });
    });

    it('builds the same context every time, with fresh or warm caches', async () => {
      const caches = createSymbolCaches();
      const first = await buildContext({ files, budget: BUDGET }, { snapshot, caches });
      const warm = await buildContext({ files, budget: BUDGET }, { snapshot, caches });
      expect(warm).toEqual(first);
      expect(await build()).toEqual(first);
    });

    it('stops when the review is cancelled', async () => {
      const controller = new AbortController();
      controller.abort(new Error('pull request closed'));
      await expect(
        buildContext(
          { files, budget: BUDGET },
          { snapshot, caches: createSymbolCaches(), signal: controller.signal },
        ),
      ).rejects.toThrow('pull request closed');
    });
  });
});
