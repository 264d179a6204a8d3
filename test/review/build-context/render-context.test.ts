import { describe, expect, it } from 'vitest';
import type { ContextSnippet } from '../../../src/review/build-context/context-types.js';
import { EMPTY_CONTEXT } from '../../../src/review/build-context/context-types.js';
import { renderContext, renderSnippet } from '../../../src/review/build-context/render-context.js';

const CALLER: ContextSnippet = {
  path: 'src/invoice.ts',
  startLine: 11,
  endLine: 14,
  reason: 'caller-of-changed-signature',
  symbol: 'applyDiscount',
  score: 102,
  lines: [
    'export function invoiceTotal(invoice: Invoice): number {',
    '  const discounted = pricing.applyDiscount(subtotal(invoice.lines), invoice.loyaltyPercent);',
    '  return pricing.addTax(discounted, invoice.taxRate);',
    '}',
  ],
};

const SETTING: ContextSnippet = {
  path: 'config/billing.yml',
  startLine: 7,
  endLine: 10,
  reason: 'user-of-removed-text',
  symbol: 'billing.legacy_tax_rate',
  score: 85,
  lines: ['billing:', '  legacy_tax_rate: 0.2', '  currency: EUR', ''],
};

describe('renderContext', () => {
  it('numbers each line, says where the snippet is from and why it is there', () => {
    expect(
      renderContext({ snippets: [CALLER, SETTING], tokens: 180, budget: 8000, omitted: 2 }),
    ).toMatchInlineSnapshot(`
      "<snippet cite="src/invoice.ts:11-14" why="uses applyDiscount, whose signature this change modifies">
      11| export function invoiceTotal(invoice: Invoice): number {
      12|   const discounted = pricing.applyDiscount(subtotal(invoice.lines), invoice.loyaltyPercent);
      13|   return pricing.addTax(discounted, invoice.taxRate);
      14| }
      </snippet>

      <snippet cite="config/billing.yml:7-10" why="still mentions 'billing.legacy_tax_rate', which this change removes">
       7| billing:
       8|   legacy_tax_rate: 0.2
       9|   currency: EUR
      10| 
      </snippet>"
    `);
  });

  it('says (none) when there is nothing beyond the diff', () => {
    expect(renderContext(EMPTY_CONTEXT)).toBe('(none)');
  });
});

describe('renderSnippet', () => {
  it('redacts secrets and shows invisible characters as escapes before the model sees them', () => {
    const rendered = renderSnippet({
      ...SETTING,
      startLine: 1,
      endLine: 3,
      lines: [
        "const client = new Stripe('sk_live_4eC39HqLyjWDarjtT1zdp7dc');",
        'const note = "pay\u200Bment";',
        "const password = 'hunter2hunter2';",
      ],
    });
    expect(rendered.split('\n').slice(1, 4)).toEqual([
      "1| const client = new Stripe('[redacted secret]');",
      '2| const note = "pay<U+200B>ment";',
      "3| const password = '[redacted secret]';",
    ]);
  });
});
