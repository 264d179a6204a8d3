import { describe, expect, it } from 'vitest';
import { EMPTY_SUMMARY } from '../../src/context/file-summary.js';
import { createSymbolCaches, createSymbolIndex, summarizeText } from '../../src/context/symbol-index.js';
import type { RepositorySnapshot } from '../../src/repository/repository-reader.js';
import { memorySnapshot } from './memory-snapshot.js';

// A small shop in three languages. TypeScript: pricing.ts is imported directly by cart.ts, through
// the src/index.ts barrel by checkout/session.ts and app.ts, and only talked about by report.ts and
// the guide. Python: the package re-exports pricing in __init__.py. Go: one package in two folders
// of the same name.
const SHOP: Record<string, string> = {
  'README.md': '# shop\n\nDiscounts are computed by applyDiscount in `./src/pricing.js`.\n',
  'docs/guide.md': "To price a cart, import { applyDiscount } from './src/pricing.js' and pass cents.\n",
  'src/pricing.ts': [
    '/** Money is kept in integer cents. */',
    'export type Cents = number;',
    '',
    'export function applyDiscount(total: Cents, percent: number): Cents {',
    '  return Math.round(total * (1 - percent / 100));',
    '}',
    '',
    'export function addTax(total: Cents, rate: number): Cents {',
    '  return Math.round(total * (1 + rate));',
    '}',
    '',
  ].join('\n'),
  'src/cart.ts': [
    "import { applyDiscount, type Cents } from './pricing.js';",
    '',
    'export function cartTotal(lines: Cents[], coupon: number): Cents {',
    '  return applyDiscount(lines.reduce((a, b) => a + b, 0), coupon);',
    '}',
    '',
  ].join('\n'),
  'src/index.ts': ["export * from './pricing.js';", "export { cartTotal } from './cart.js';", ''].join('\n'),
  'src/checkout/session.ts': [
    "import { applyDiscount } from '../index.js';",
    '',
    'export const sessionTotal = (total: number) => applyDiscount(total, 5);',
    '',
  ].join('\n'),
  'app.ts': ["import { addTax } from './src';", '', 'console.log(addTax(100, 0.2));', ''].join('\n'),
  'src/report.ts': [
    "// Totals here are computed the way './pricing.js' does, without importing it.",
    'export function applyDiscountLater(total: number): number {',
    '  return total;',
    '}',
    '',
  ].join('\n'),
  'shop/__init__.py': 'from .pricing import apply_discount\n',
  'shop/pricing.py': 'def apply_discount(total, percent):\n    return round(total * (1 - percent / 100))\n',
  'shop/checkout.py':
    'from shop import apply_discount\n\n\ndef checkout(total):\n    return apply_discount(total, 5)\n',
  'shop/billing/invoice.py':
    'from ..pricing import apply_discount\n\n\ndef invoice_total(total):\n    return apply_discount(total, 10)\n',
  'scripts/audit.py':
    '"""Checks totals; the rules come from shop.pricing, which this script does not import."""\n\n\ndef audit(total):\n    return total >= 0\n',
  'shop/maße.py': 'def größe(maß):\n    return maß * 2\n',
  'pricing/discount.go':
    'package pricing\n\nfunc Apply(total, percent int) int {\n\treturn total * (100 - percent) / 100\n}\n',
  'pricing/tax.go': 'package pricing\n\nfunc AddTax(total int) int {\n\treturn Apply(total, -20)\n}\n',
  'pricing/discount_test.go':
    'package pricing\n\nimport "testing"\n\nfunc TestApply(t *testing.T) {\n\t_ = Apply(100, 10)\n}\n',
  'legacy/pricing/discount.go': 'package pricing\n\nfunc Apply(total int) int {\n\treturn total\n}\n',
  'cmd/shop/main.go':
    'package main\n\nimport "github.com/acme/shop/pricing"\n\nfunc main() {\n\tprintln(pricing.Apply(100, 5))\n}\n',
};

const SOURCE_FILES = Object.keys(SHOP).filter((path) => !path.endsWith('.md'));

/** The snapshot, counting how often each file is read. */
function countingSnapshot(files: Readonly<Record<string, string>>): {
  snapshot: RepositorySnapshot;
  reads: string[];
} {
  const inner = memorySnapshot(files);
  const reads: string[] = [];
  return {
    reads,
    snapshot: {
      ...inner,
      read: (path) => {
        reads.push(path);
        return inner.read(path);
      },
    },
  };
}

describe('createSymbolIndex', () => {
  describe('filesMentioning', () => {
    it.each<{ name: string; identifier: string; files: string[] }>([
      {
        name: 'a function name: code, prose and docs that say it, in path order',
        identifier: 'applyDiscount',
        files: ['README.md', 'docs/guide.md', 'src/cart.ts', 'src/checkout/session.ts', 'src/pricing.ts'],
      },
      {
        name: 'a whole word only: applyDiscountLater is not applyDiscount',
        identifier: 'applyDiscountLater',
        files: ['src/report.ts'],
      },
      { name: 'a name with letters beyond ASCII', identifier: 'größe', files: ['shop/maße.py'] },
      { name: 'a name nobody says', identifier: 'refund', files: [] },
    ])('$name', async ({ identifier, files }) => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      expect(await index.filesMentioning(identifier)).toEqual(files);
    });
  });

  describe('definitionsNamed', () => {
    it('finds the definition among the files that mention the name, not its callers', async () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      const found = await index.definitionsNamed('applyDiscount');
      expect(
        found.map(
          ({ path, definition }) =>
            `${path} ${definition.kind} ${definition.startLine}-${definition.endLine}`,
        ),
      ).toEqual(['src/pricing.ts function 4-6']);
    });

    it('finds every definition of a name repeated across packages', async () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      const found = await index.definitionsNamed('Apply');
      expect(found.map(({ path }) => path)).toEqual(['legacy/pricing/discount.go', 'pricing/discount.go']);
    });

    it('with `within`, looks only in those files', async () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      expect(
        (await index.definitionsNamed('Apply', ['pricing/discount.go'])).map(({ path }) => path),
      ).toEqual(['pricing/discount.go']);
      expect(await index.definitionsNamed('applyDiscount', ['src/cart.ts'])).toEqual([]);
    });

    it('finds a Python function whose name has letters beyond ASCII', async () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      const found = await index.definitionsNamed('größe');
      expect(found.map(({ path, definition }) => `${path} ${definition.kind} ${definition.name}`)).toEqual([
        'shop/maße.py function größe',
      ]);
    });

    it('parses only the files whose text mentions the name', async () => {
      const caches = createSymbolCaches();
      const index = createSymbolIndex(memorySnapshot(SHOP), caches);
      await index.definitionsNamed('apply_discount');
      // The four Python files that say apply_discount; not the Go, TypeScript or other Python files.
      expect(caches.parsed).toBe(4);
    });
  });

  describe('importersOf', () => {
    it.each<{ name: string; target: string; importers: string[] }>([
      {
        name: 'a TypeScript module: direct importers, and importers of the barrel that re-exports it',
        target: 'src/pricing.ts',
        importers: ['app.ts', 'src/cart.ts', 'src/checkout/session.ts', 'src/index.ts'],
      },
      {
        name: 'a module re-exported by name from the barrel',
        target: 'src/cart.ts',
        importers: ['app.ts', 'src/checkout/session.ts', 'src/index.ts'],
      },
      {
        name: 'a Python module: relative importers, and importers of the package that re-exports it',
        target: 'shop/pricing.py',
        importers: ['shop/__init__.py', 'shop/billing/invoice.py', 'shop/checkout.py'],
      },
      { name: 'a module nothing imports', target: 'src/report.ts', importers: [] },
    ])('$name', async ({ target, importers }) => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      expect([...(await index.importersOf(target))].sort()).toEqual(importers);
    });

    it('a Go file: the other files of its package folder, tests included, not a same-named folder elsewhere', async () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      const importers = await index.importersOf('pricing/discount.go');
      expect(importers).toContain('pricing/tax.go');
      expect(importers).toContain('pricing/discount_test.go');
      expect(importers).not.toContain('pricing/discount.go');
      expect(importers).not.toContain('legacy/pricing/discount.go');
    });

    it('files that name the module in prose, comments or docstrings are not importers', async () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      const typescript = await index.importersOf('src/pricing.ts');
      const python = await index.importersOf('shop/pricing.py');
      expect(typescript).not.toContain('src/report.ts');
      expect(typescript).not.toContain('README.md');
      expect(typescript).not.toContain('docs/guide.md');
      expect(python).not.toContain('scripts/audit.py');
    });

    it('follows a barrel that re-exports a barrel', async () => {
      const files = {
        ...SHOP,
        'src/public.ts': "export * from './index.js';\n",
        'web/page.ts': "import { applyDiscount } from '../src/public.js';\n\napplyDiscount(1, 2);\n",
      };
      const index = createSymbolIndex(memorySnapshot(files), createSymbolCaches());
      expect(await index.importersOf('src/pricing.ts')).toContain('web/page.ts');
    });

    it('stops at barrels that re-export each other instead of looping', async () => {
      const files = {
        'src/billing/index.ts': "export * from '../invoices/index.js';\nexport * from './tax.js';\n",
        'src/invoices/index.ts': "export * from '../billing/index.js';\n",
        'src/billing/tax.ts': 'export const VAT = 0.2;\n',
        'src/main.ts': "import { VAT } from './invoices/index.js';\n\nconsole.log(VAT);\n",
      };
      const index = createSymbolIndex(memorySnapshot(files), createSymbolCaches());
      expect([...(await index.importersOf('src/billing/tax.ts'))].sort()).toEqual([
        'src/billing/index.ts',
        'src/invoices/index.ts',
        'src/main.ts',
      ]);
    });
  });

  describe('resolveImport', () => {
    it("resolves by the importing file's language, and not at all for files Sift does not parse", () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      expect(index.resolveImport('src/cart.ts', './pricing.js')).toEqual(['src/pricing.ts']);
      expect(index.resolveImport('shop/checkout.py', 'shop')).toEqual(['shop/__init__.py']);
      expect(index.resolveImport('README.md', './src/pricing.js')).toEqual([]);
    });
  });

  describe('summaryOf', () => {
    it('is empty for a file Sift does not parse or that is not in the snapshot', async () => {
      const index = createSymbolIndex(memorySnapshot(SHOP), createSymbolCaches());
      expect(await index.summaryOf('README.md')).toEqual(EMPTY_SUMMARY);
      expect(await index.summaryOf('src/missing.ts')).toEqual(EMPTY_SUMMARY);
    });

    describe('with two snapshots that share files, and one cache', () => {
      const edited = {
        ...SHOP,
        'src/cart.ts': SHOP['src/cart.ts']?.replace('coupon: number', 'couponPercent: number') ?? '',
      };

      it('a file unchanged between them is parsed once and served from the cache after', async () => {
        const caches = createSymbolCaches();
        const first = await createSymbolIndex(memorySnapshot(SHOP, 'base'), caches).summaryOf(
          'src/pricing.ts',
        );
        const second = await createSymbolIndex(memorySnapshot(edited, 'head'), caches).summaryOf(
          'src/pricing.ts',
        );
        expect(second).toBe(first);
        expect(caches.parsed).toBe(1);
      });

      it('indexing the second snapshot parses and reads only the changed file', async () => {
        const caches = createSymbolCaches();
        await createSymbolIndex(memorySnapshot(SHOP, 'base'), caches).indexAll();
        expect(caches.parsed).toBe(SOURCE_FILES.length);

        const { snapshot, reads } = countingSnapshot(edited);
        const index = createSymbolIndex(snapshot, caches);
        await index.indexAll();
        expect(caches.parsed).toBe(SOURCE_FILES.length + 1);
        expect([...new Set(reads)]).toEqual(['src/cart.ts']);
        expect((await index.summaryOf('src/cart.ts')).definitions[0]?.signature).toBe(
          'function cartTotal(lines: Cents[], couponPercent: number): Cents',
        );
      });
    });
  });

  describe('indexAll', () => {
    it('parses every file in a language Sift knows, once', async () => {
      const caches = createSymbolCaches();
      const index = createSymbolIndex(memorySnapshot(SHOP), caches);
      await index.indexAll();
      expect(caches.parsed).toBe(SOURCE_FILES.length);
      await index.indexAll();
      await index.definitionsNamed('applyDiscount');
      await index.importersOf('src/pricing.ts');
      expect(caches.parsed).toBe(SOURCE_FILES.length);
    });
  });
});

describe('summarizeText', () => {
  const pricing = SHOP['src/pricing.ts'] ?? '';

  it('summarises text that is not in a snapshot, by the language of the path it is given', async () => {
    const caches = createSymbolCaches();
    const summary = await summarizeText(
      pricing.replace('percent: number', 'percent: number, cap: Cents'),
      'src/pricing.ts',
      caches,
    );
    expect(summary.definitions.map((definition) => definition.signature)).toEqual([
      'type Cents = number;',
      'function applyDiscount(total: Cents, percent: number, cap: Cents): Cents',
      'function addTax(total: Cents, rate: number): Cents',
    ]);
    expect(caches.parsed).toBe(1);
  });

  it('serves text equal to a snapshot file from the cache the snapshot filled', async () => {
    const caches = createSymbolCaches();
    const fromIndex = await createSymbolIndex(memorySnapshot(SHOP), caches).summaryOf('src/pricing.ts');
    expect(await summarizeText(pricing, 'src/pricing.ts', caches)).toBe(fromIndex);
    expect(caches.parsed).toBe(1);
  });

  it.each([
    { name: 'an empty text', text: '', path: 'src/pricing.ts' },
    { name: 'a language Sift does not parse', text: '# shop\n', path: 'README.md' },
  ])('$name is an empty summary, nothing parsed', async ({ text, path }) => {
    const caches = createSymbolCaches();
    expect(await summarizeText(text, path, caches)).toEqual(EMPTY_SUMMARY);
    expect(caches.parsed).toBe(0);
  });
});
