import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countTokens } from '../../../src/llm/count-tokens.js';
import type { ContextSnippet, SnippetReason } from '../../../src/review/build-context/context-types.js';
import { packContext } from '../../../src/review/build-context/pack-context.js';
import { renderSnippet } from '../../../src/review/build-context/render-context.js';
import { FIXTURE_REPOSITORIES } from '../../support/git-repo-from-fixture.js';

const HEAD = join(FIXTURE_REPOSITORIES.checkout, 'head');
const LINES: Record<string, readonly string[]> = Object.fromEntries(
  ['src/cart.ts', 'src/invoice.ts', 'src/pricing.ts', 'test/pricing.test.ts'].map((path) => [
    path,
    readFileSync(join(HEAD, path), 'utf8').split('\n'),
  ]),
);
const fileLines = (path: string) => LINES[path] ?? [];

function snippet(
  path: string,
  startLine: number,
  endLine: number,
  reason: SnippetReason,
  score: number,
  symbol = 'applyDiscount',
): ContextSnippet {
  return {
    path,
    startLine,
    endLine,
    reason,
    symbol,
    score,
    lines: fileLines(path).slice(startLine - 1, endLine),
  };
}

const rows = (snippets: readonly ContextSnippet[]) =>
  snippets.map((s) => `${s.path}:${s.startLine}-${s.endLine} ${s.reason} ${s.symbol} ${s.score}`);
const cost = (s: ContextSnippet) => countTokens(renderSnippet(s));
const UNLIMITED = 1_000_000;

describe('packContext', () => {
  describe('snippets of one file', () => {
    it.each<{ name: string; snippets: ContextSnippet[]; packed: string[] }>([
      {
        name: 'overlapping: merged, keeping the reason and symbol of the higher score',
        snippets: [
          snippet('src/cart.ts', 9, 15, 'definition-used', 50, 'subtotal'),
          snippet('src/cart.ts', 14, 16, 'caller-of-changed-signature', 94),
        ],
        packed: ['src/cart.ts:9-16 caller-of-changed-signature applyDiscount 95'],
      },
      {
        name: 'one inside the other: merged into the outer range',
        snippets: [
          snippet('src/cart.ts', 14, 16, 'caller-of-changed-signature', 94),
          snippet('src/cart.ts', 15, 15, 'user-of-shared-name', 58, 'subtotal'),
        ],
        packed: ['src/cart.ts:14-16 caller-of-changed-signature applyDiscount 95'],
      },
      {
        name: 'adjacent (one ends on the line before the other starts): merged',
        snippets: [
          snippet('src/cart.ts', 3, 7, 'definition-used', 50, 'Line'),
          snippet('src/cart.ts', 8, 11, 'definition-used', 50, 'subtotal'),
        ],
        packed: ['src/cart.ts:3-11 definition-used Line 51'],
      },
      {
        name: 'a line apart: kept apart, best first',
        snippets: [
          snippet('src/cart.ts', 3, 7, 'definition-used', 50, 'Line'),
          snippet('src/cart.ts', 9, 11, 'user-of-shared-name', 58, 'subtotal'),
        ],
        packed: [
          'src/cart.ts:9-11 user-of-shared-name subtotal 58',
          'src/cart.ts:3-7 definition-used Line 50',
        ],
      },
      {
        name: 'three in a chain: one snippet',
        snippets: [
          snippet('src/cart.ts', 14, 16, 'caller-of-changed-signature', 94),
          snippet('src/cart.ts', 3, 7, 'definition-used', 50, 'Line'),
          snippet('src/cart.ts', 7, 11, 'definition-used', 50, 'subtotal'),
          snippet('src/cart.ts', 11, 14, 'enclosing-symbol', 60, 'cartTotal'),
        ],
        packed: ['src/cart.ts:3-16 caller-of-changed-signature applyDiscount 95'],
      },
    ])('$name', ({ snippets, packed }) => {
      const context = packContext(snippets, UNLIMITED, fileLines);
      expect(rows(context.snippets)).toEqual(packed);
    });

    it("a merged snippet shows the file's lines over the whole range", () => {
      const context = packContext(
        [
          snippet('src/cart.ts', 9, 11, 'definition-used', 50, 'subtotal'),
          snippet('src/cart.ts', 12, 16, 'caller-of-changed-signature', 94),
        ],
        UNLIMITED,
        fileLines,
      );
      expect(context.snippets[0]?.lines).toEqual(fileLines('src/cart.ts').slice(8, 16));
    });
  });

  it('snippets of different files with overlapping line numbers stay apart', () => {
    const context = packContext(
      [
        snippet('src/cart.ts', 9, 16, 'caller-of-changed-signature', 94),
        snippet('src/invoice.ts', 11, 14, 'caller-of-changed-signature', 94),
      ],
      UNLIMITED,
      fileLines,
    );
    expect(context.snippets).toHaveLength(2);
  });

  it('ranks by score, then path, then line', () => {
    const context = packContext(
      [
        snippet('test/pricing.test.ts', 4, 8, 'related-test', 35),
        snippet('src/invoice.ts', 11, 14, 'caller-of-changed-signature', 94),
        snippet('src/pricing.ts', 13, 15, 'definition-used', 50, 'addTax'),
        snippet('src/cart.ts', 14, 16, 'caller-of-changed-signature', 94),
        snippet('src/cart.ts', 3, 7, 'definition-used', 50, 'Line'),
      ],
      UNLIMITED,
      fileLines,
    );
    expect(rows(context.snippets)).toEqual([
      'src/cart.ts:14-16 caller-of-changed-signature applyDiscount 94',
      'src/invoice.ts:11-14 caller-of-changed-signature applyDiscount 94',
      'src/cart.ts:3-7 definition-used Line 50',
      'src/pricing.ts:13-15 definition-used addTax 50',
      'test/pricing.test.ts:4-8 related-test applyDiscount 35',
    ]);
  });

  describe('with a token budget', () => {
    const caller = snippet('src/invoice.ts', 11, 14, 'caller-of-changed-signature', 94);
    const enclosing = snippet('src/pricing.ts', 1, 15, 'enclosing-symbol', 60, 'applyDiscount');
    const test = snippet('test/pricing.test.ts', 4, 8, 'related-test', 35);
    const all = [test, enclosing, caller];

    it('keeps the best snippets that fit and reports the tokens they take', () => {
      const context = packContext(all, cost(caller) + cost(enclosing), fileLines);
      expect(rows(context.snippets)).toEqual(rows([caller, enclosing]));
      expect(context).toMatchObject({
        tokens: cost(caller) + cost(enclosing),
        budget: cost(caller) + cost(enclosing),
        omitted: 1,
      });
    });

    it('skips a snippet too large for what is left, and still packs a smaller one after it', () => {
      expect(cost(enclosing)).toBeGreaterThan(cost(test));
      const budget = cost(caller) + cost(test);
      const context = packContext(all, budget, fileLines);
      expect(rows(context.snippets)).toEqual(rows([caller, test]));
      expect(context.omitted).toBe(1);
      expect(context.tokens).toBeLessThanOrEqual(budget);
    });

    it('one token short of the best snippet: it is skipped, the others still compete', () => {
      const context = packContext([caller], cost(caller) - 1, fileLines);
      expect(context).toEqual({ snippets: [], tokens: 0, budget: cost(caller) - 1, omitted: 1 });
    });

    it('a budget of 0 packs nothing and counts everything as omitted', () => {
      expect(packContext(all, 0, fileLines)).toEqual({ snippets: [], tokens: 0, budget: 0, omitted: 3 });
    });
  });

  it('is deterministic: the same snippets in any order pack the same way', () => {
    const snippets = [
      snippet('test/pricing.test.ts', 4, 8, 'related-test', 35),
      snippet('src/invoice.ts', 11, 14, 'caller-of-changed-signature', 94),
      snippet('src/cart.ts', 9, 11, 'definition-used', 50, 'subtotal'),
      snippet('src/cart.ts', 14, 16, 'caller-of-changed-signature', 94),
      snippet('src/pricing.ts', 13, 15, 'definition-used', 50, 'addTax'),
      snippet('src/cart.ts', 3, 7, 'definition-used', 50, 'Line'),
    ];
    const budget = cost(snippets[1] as ContextSnippet) * 3;
    const first = packContext(snippets, budget, fileLines);
    expect(packContext([...snippets].reverse(), budget, fileLines)).toEqual(first);
    expect(packContext([...snippets.slice(3), ...snippets.slice(0, 3)], budget, fileLines)).toEqual(first);
  });
});

describe('packContext with code that spells special tokens', () => {
  it('a snippet containing <|endoftext|> › packed and counted like any other code', () => {
    const lines = ["export const EOS = '<|endoftext|>';", "export const BOS = '<|im_start|>';"];
    const tokenizer: ContextSnippet = {
      path: 'src/tokenizer.ts',
      startLine: 1,
      endLine: 2,
      reason: 'definition-used',
      symbol: 'EOS',
      score: 50,
      lines,
    };
    const context = packContext([tokenizer], UNLIMITED, () => lines);
    expect(rows(context.snippets)).toEqual(['src/tokenizer.ts:1-2 definition-used EOS 50']);
    expect(context.tokens).toBe(cost(tokenizer));
    expect(context.tokens).toBeGreaterThan(0);
  });
});
