import { describe, expect, it } from 'vitest';
import type { LanguageId } from '../../src/context/languages.js';
import { resolveImport } from '../../src/context/resolve-import.js';

interface Row {
  readonly name: string;
  readonly importer: string;
  readonly source: string;
  readonly resolves: readonly string[];
}

/** Resolves against a repository holding exactly `files`. */
function resolveIn(files: readonly string[], language: LanguageId, { importer, source }: Row): string[] {
  const paths = new Set(files);
  return resolveImport(
    importer,
    source,
    language,
    (path) => paths.has(path),
    () => files,
  );
}

describe('resolveImport', () => {
  describe('typescript and javascript', () => {
    const files = [
      'package.json',
      'src/cart.ts',
      'src/pricing.ts',
      'src/tax.js',
      'src/legacy/format.mjs',
      'src/legacy/units.cjs',
      'src/types.d.ts',
      'src/ui/Button.tsx',
      'src/utils/index.ts',
      'src/utils/money.ts',
      'src/server/handlers/checkout.ts',
      'scripts/seed.js',
    ];
    it.each<Row>([
      {
        name: 'an ESM import naming the emitted .js of a .ts file',
        importer: 'src/cart.ts',
        source: './pricing.js',
        resolves: ['src/pricing.ts'],
      },
      {
        name: 'an extensionless import of a .ts file',
        importer: 'src/cart.ts',
        source: './pricing',
        resolves: ['src/pricing.ts'],
      },
      {
        name: 'a .js file that exists as .js',
        importer: 'src/cart.ts',
        source: './tax.js',
        resolves: ['src/tax.js'],
      },
      {
        name: 'an extensionless import of a .tsx component',
        importer: 'src/cart.ts',
        source: './ui/Button',
        resolves: ['src/ui/Button.tsx'],
      },
      {
        name: 'an .mjs file by its full name',
        importer: 'src/cart.ts',
        source: './legacy/format.mjs',
        resolves: ['src/legacy/format.mjs'],
      },
      {
        name: 'a folder, through its index.ts',
        importer: 'src/cart.ts',
        source: './utils',
        resolves: ['src/utils/index.ts'],
      },
      {
        name: 'a folder written with a trailing slash',
        importer: 'src/cart.ts',
        source: './utils/',
        resolves: ['src/utils/index.ts'],
      },
      {
        name: 'a declaration file',
        importer: 'src/cart.ts',
        source: './types',
        resolves: ['src/types.d.ts'],
      },
      {
        name: 'two levels up',
        importer: 'src/server/handlers/checkout.ts',
        source: '../../pricing.js',
        resolves: ['src/pricing.ts'],
      },
      { name: 'the parent folder as a module', importer: 'src/utils/money.ts', source: '..', resolves: [] },
      {
        name: 'from a script at another root',
        importer: 'scripts/seed.js',
        source: '../src/utils/money',
        resolves: ['src/utils/money.ts'],
      },
      {
        name: '.. that climbs out of the repository',
        importer: 'src/cart.ts',
        source: '../../pricing.js',
        resolves: [],
      },
      {
        name: '.. that climbs out from the root',
        importer: 'scripts/seed.js',
        source: '../../src/pricing',
        resolves: [],
      },
      {
        name: 'a relative path to a missing file',
        importer: 'src/cart.ts',
        source: './discounts.js',
        resolves: [],
      },
      { name: 'a bare package', importer: 'src/cart.ts', source: 'zod', resolves: [] },
      {
        name: 'a scoped package subpath',
        importer: 'src/cart.ts',
        source: '@octokit/rest/dist/index.js',
        resolves: [],
      },
      { name: 'a node builtin', importer: 'src/cart.ts', source: 'node:fs', resolves: [] },
      {
        name: 'a bare name that matches a repository folder',
        importer: 'src/cart.ts',
        source: 'utils',
        resolves: [],
      },
    ])('$name', (row) => {
      expect(resolveIn(files, 'typescript', row)).toEqual(row.resolves);
      expect(resolveIn(files, 'javascript', row)).toEqual(row.resolves);
    });
  });

  describe('python', () => {
    const files = [
      'shop/__init__.py',
      'shop/pricing.py',
      'shop/billing/__init__.py',
      'shop/billing/invoice.py',
      'shop/billing/tax/__init__.py',
      'shop/billing/tax/rates.py',
      'shop/api/views.py',
      'shop/settings.py',
      'settings.py',
      'tests/test_pricing.py',
    ];
    it.each<Row>([
      {
        name: '.mod: a sibling module',
        importer: 'shop/billing/invoice.py',
        source: '.tax.rates',
        resolves: ['shop/billing/tax/rates.py'],
      },
      {
        name: '.mod: a sibling package',
        importer: 'shop/billing/invoice.py',
        source: '.tax',
        resolves: ['shop/billing/tax/__init__.py'],
      },
      {
        name: '..mod: a module of the parent package',
        importer: 'shop/billing/invoice.py',
        source: '..pricing',
        resolves: ['shop/pricing.py'],
      },
      {
        name: '..pkg.mod: a module of a sibling package',
        importer: 'shop/api/views.py',
        source: '..billing.invoice',
        resolves: ['shop/billing/invoice.py'],
      },
      {
        name: '.: the package itself',
        importer: 'shop/billing/invoice.py',
        source: '.',
        resolves: ['shop/billing/__init__.py'],
      },
      {
        name: '..: the parent package',
        importer: 'shop/billing/tax/rates.py',
        source: '..',
        resolves: ['shop/billing/__init__.py'],
      },
      {
        name: 'a relative import of a missing module',
        importer: 'shop/pricing.py',
        source: '.discounts',
        resolves: [],
      },
      {
        name: 'more dots than packages above the file',
        importer: 'shop/api/views.py',
        source: '....settings',
        resolves: [],
      },
      {
        name: 'an absolute dotted module',
        importer: 'tests/test_pricing.py',
        source: 'shop.billing.invoice',
        resolves: ['shop/billing/invoice.py'],
      },
      {
        name: 'an absolute package, through __init__.py',
        importer: 'tests/test_pricing.py',
        source: 'shop.billing',
        resolves: ['shop/billing/__init__.py'],
      },
      {
        name: 'a top-level module',
        importer: 'shop/api/views.py',
        source: 'settings',
        resolves: ['settings.py'],
      },
      { name: 'a third-party package', importer: 'shop/api/views.py', source: 'django.http', resolves: [] },
      { name: 'a standard library module', importer: 'shop/pricing.py', source: 'decimal', resolves: [] },
    ])('$name', (row) => {
      expect(resolveIn(files, 'python', row)).toEqual(row.resolves);
    });
  });

  describe('go', () => {
    const files = [
      'go.mod',
      'cmd/shop/main.go',
      'internal/pricing/discount.go',
      'internal/pricing/tax.go',
      'internal/pricing/discount_test.go',
      'internal/pricing/testdata/prices.json',
      'internal/billing/invoice.go',
      'version/version.go',
    ];
    it.each<Row>([
      {
        name: 'a package by its module path: every non-test file of its folder',
        importer: 'cmd/shop/main.go',
        source: 'github.com/acme/shop/internal/pricing',
        resolves: ['internal/pricing/discount.go', 'internal/pricing/tax.go'],
      },
      {
        name: 'a package at the module root',
        importer: 'cmd/shop/main.go',
        source: 'github.com/acme/shop/version',
        resolves: ['version/version.go'],
      },
      {
        name: 'a module path with no folder in the repository',
        importer: 'cmd/shop/main.go',
        source: 'github.com/acme/shop/internal/payments',
        resolves: [],
      },
      {
        name: 'a third-party module',
        importer: 'cmd/shop/main.go',
        source: 'golang.org/x/sync/errgroup',
        resolves: [],
      },
    ])('$name', (row) => {
      expect(resolveIn(files, 'go', row)).toEqual(row.resolves);
    });
  });

  describe('java', () => {
    const files = [
      'src/main/java/com/acme/shop/Pricing.java',
      'src/main/java/com/acme/shop/billing/Invoice.java',
      'src/test/java/com/acme/shop/PricingTest.java',
    ];
    it.each<Row>([
      {
        name: 'a class by its fully qualified name',
        importer: 'src/main/java/com/acme/shop/billing/Invoice.java',
        source: 'com.acme.shop.Pricing',
        resolves: ['src/main/java/com/acme/shop/Pricing.java'],
      },
      {
        name: 'a class of a sub-package',
        importer: 'src/test/java/com/acme/shop/PricingTest.java',
        source: 'com.acme.shop.billing.Invoice',
        resolves: ['src/main/java/com/acme/shop/billing/Invoice.java'],
      },
      {
        name: 'a JDK class',
        importer: 'src/main/java/com/acme/shop/Pricing.java',
        source: 'java.util.List',
        resolves: [],
      },
    ])('$name', (row) => {
      expect(resolveIn(files, 'java', row)).toEqual(row.resolves);
    });
  });

  describe('rust', () => {
    const files = [
      'Cargo.toml',
      'src/lib.rs',
      'src/main.rs',
      'src/pricing.rs',
      'src/billing/mod.rs',
      'src/billing/invoice.rs',
      'src/billing/tax.rs',
      'src/tax.rs',
      'src/store.rs',
      'src/store/cache.rs',
      'crates/ledger/src/lib.rs',
      'crates/ledger/src/entry.rs',
      'crates/ledger/src/journal.rs',
    ];
    it.each<Row>([
      {
        name: 'crate:: a module file',
        importer: 'src/main.rs',
        source: 'crate::pricing',
        resolves: ['src/pricing.rs'],
      },
      {
        name: 'crate:: a module folder with mod.rs',
        importer: 'src/pricing.rs',
        source: 'crate::billing',
        resolves: ['src/billing/mod.rs'],
      },
      {
        name: 'crate:: the longest path that is a file, when the last segments are items',
        importer: 'src/main.rs',
        source: 'crate::billing::invoice::Invoice',
        resolves: ['src/billing/invoice.rs'],
      },
      {
        name: 'mod: a child module in the crate root',
        importer: 'src/lib.rs',
        source: 'pricing',
        resolves: ['src/pricing.rs'],
      },
      {
        name: 'mod: a child module beside mod.rs',
        importer: 'src/billing/mod.rs',
        source: 'tax',
        resolves: ['src/billing/tax.rs'],
      },
      {
        name: 'mod: a child module in the folder named after the file (2018 layout)',
        importer: 'src/store.rs',
        source: 'cache',
        resolves: ['src/store/cache.rs'],
      },
      {
        name: 'super:: a sibling module',
        importer: 'src/billing/invoice.rs',
        source: 'super::tax',
        resolves: ['src/billing/tax.rs'],
      },
      {
        name: 'super:: from mod.rs, a module of the crate root',
        importer: 'src/billing/mod.rs',
        source: 'super::tax',
        resolves: ['src/tax.rs'],
      },
      {
        name: 'self:: a child module',
        importer: 'src/billing/mod.rs',
        source: 'self::tax',
        resolves: ['src/billing/tax.rs'],
      },
      {
        name: 'crate:: in a workspace member starts at that crate',
        importer: 'crates/ledger/src/journal.rs',
        source: 'crate::entry',
        resolves: ['crates/ledger/src/entry.rs'],
      },
      {
        name: 'mod: a child module of a workspace member',
        importer: 'crates/ledger/src/lib.rs',
        source: 'journal',
        resolves: ['crates/ledger/src/journal.rs'],
      },
      { name: 'an external crate', importer: 'src/lib.rs', source: 'serde::de', resolves: [] },
      { name: 'the standard library', importer: 'src/lib.rs', source: 'std::collections', resolves: [] },
    ])('$name', (row) => {
      expect(resolveIn(files, 'rust', row)).toEqual(row.resolves);
    });
  });

  describe('ruby', () => {
    const files = [
      'Gemfile',
      'lib/shop.rb',
      'lib/shop/pricing.rb',
      'lib/shop/billing/invoice.rb',
      'spec/pricing_spec.rb',
    ];
    it.each<Row>([
      {
        name: 'require_relative of a sibling',
        importer: 'lib/shop/billing/invoice.rb',
        source: '../pricing',
        resolves: ['lib/shop/pricing.rb'],
      },
      {
        name: 'require_relative with its extension',
        importer: 'lib/shop.rb',
        source: 'shop/pricing.rb',
        resolves: ['lib/shop/pricing.rb'],
      },
      {
        name: 'require through the load path lib/',
        importer: 'spec/pricing_spec.rb',
        source: 'shop/pricing',
        resolves: ['lib/shop/pricing.rb'],
      },
      { name: 'a gem', importer: 'lib/shop.rb', source: 'active_support/core_ext', resolves: [] },
    ])('$name', (row) => {
      expect(resolveIn(files, 'ruby', row)).toEqual(row.resolves);
    });
  });

  describe('php', () => {
    const files = [
      'composer.json',
      'App/Billing/Invoice.php',
      'App/Pricing.php',
      'public/index.php',
      'config/app.php',
      'bootstrap.php',
    ];
    it.each<Row>([
      {
        name: 'a class by its namespace',
        importer: 'public/index.php',
        source: 'App\\Billing\\Invoice',
        resolves: ['App/Billing/Invoice.php'],
      },
      {
        name: 'a fully qualified namespace with a leading backslash',
        importer: 'public/index.php',
        source: '\\App\\Pricing',
        resolves: ['App/Pricing.php'],
      },
      {
        name: 'a vendor class',
        importer: 'public/index.php',
        source: 'Illuminate\\Support\\Str',
        resolves: [],
      },
      {
        name: 'an include relative to the file',
        importer: 'public/index.php',
        source: '../bootstrap.php',
        resolves: ['bootstrap.php'],
      },
      {
        name: 'an include after __DIR__ .',
        importer: 'bootstrap.php',
        source: '/config/app.php',
        resolves: ['config/app.php'],
      },
      {
        name: 'an include from the root',
        importer: 'public/index.php',
        source: 'config/app.php',
        resolves: ['config/app.php'],
      },
      {
        name: 'an include of a missing file',
        importer: 'public/index.php',
        source: 'vendor/autoload.php',
        resolves: [],
      },
    ])('$name', (row) => {
      expect(resolveIn(files, 'php', row)).toEqual(row.resolves);
    });
  });

  describe('c and c++', () => {
    const files = [
      'src/ring.c',
      'src/ring.h',
      'src/net/socket.c',
      'include/shop/pricing.h',
      'include/util.h',
      'src/util.h',
    ];
    it.each<Row>([
      {
        name: 'an include beside the file wins over one elsewhere',
        importer: 'src/ring.c',
        source: 'util.h',
        resolves: ['src/util.h'],
      },
      {
        name: 'an include relative to the file',
        importer: 'src/net/socket.c',
        source: '../ring.h',
        resolves: ['src/ring.h'],
      },
      {
        name: 'an include from the repository root',
        importer: 'src/net/socket.c',
        source: 'include/util.h',
        resolves: ['include/util.h'],
      },
      {
        name: 'an include path found by its suffix (an -I folder)',
        importer: 'src/ring.c',
        source: 'shop/pricing.h',
        resolves: ['include/shop/pricing.h'],
      },
      { name: 'a system header', importer: 'src/ring.c', source: 'stdio.h', resolves: [] },
    ])('$name', (row) => {
      expect(resolveIn(files, 'c', row)).toEqual(row.resolves);
      expect(resolveIn(files, 'cpp', row)).toEqual(row.resolves);
    });
  });

  describe('c#', () => {
    it.each<Row>([
      {
        name: 'a namespace of the repository',
        importer: 'src/Shop/Program.cs',
        source: 'Shop.Billing',
        resolves: [],
      },
      { name: 'a framework namespace', importer: 'src/Shop/Program.cs', source: 'System.Linq', resolves: [] },
    ])('$name: namespaces do not map to files', (row) => {
      expect(
        resolveIn(
          ['src/Shop/Program.cs', 'src/Shop/Billing/Invoice.cs', 'src/Shop/Billing.cs'],
          'csharp',
          row,
        ),
      ).toEqual(row.resolves);
    });
  });
});
