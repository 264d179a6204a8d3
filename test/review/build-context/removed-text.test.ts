import { describe, expect, it } from 'vitest';
import { removedText } from '../../../src/review/build-context/removed-text.js';

// A settings module where a change renames a config key and drops a legacy helper.
const HEAD = [
  "import { settings } from './settings.js';",
  '',
  'export function taxRate(region: string): number {',
  `  return settings.get(\`billing.\${region}.tax_rate\`, 0.2);`,
  '}',
  '',
  "export const CURRENCY = settings.get('billing.currency', 'EUR');",
  '',
].join('\n');

describe('removedText', () => {
  it.each<{ name: string; removed: string[]; identifiers: string[]; literals: string[] }>([
    {
      name: 'a renamed config key: the old key and its words',
      removed: ["  return settings.get('billing.legacy_tax_rate', 0.2);"],
      identifiers: ['legacy_tax_rate'],
      literals: ['billing.legacy_tax_rate'],
    },
    {
      name: 'a removed helper: its name, not the names the new version still uses',
      removed: [
        'export function legacyTaxRate(region: string): number {',
        '  return taxRate(region) * LEGACY_FACTOR;',
        '}',
      ],
      identifiers: ['legacyTaxRate', 'LEGACY_FACTOR'],
      literals: [],
    },
    {
      name: 'short names are too common to search: ids, fn, db',
      removed: ['  const id = fn(db, row);'],
      identifiers: [],
      literals: [],
    },
    {
      name: 'literals the new version still says are not removed',
      removed: ["export const CURRENCY = settings.get('billing.currency', 'USD');"],
      identifiers: [],
      literals: ['USD'],
    },
    {
      name: 'literals without a letter, too short or empty say nothing searchable, nor does the code between them',
      removed: [
        "  const version = [major, '.', minor, ''].join(''); const sep = '::'; const fallback = '1.0.0';",
      ],
      identifiers: ['version', 'major', 'minor', 'join', 'fallback'],
      literals: [],
    },
    {
      name: 'a string longer than 80 characters is skipped whole',
      removed: [`  const banner = '${'='.repeat(90)}'; const mode = 'strict-rounding';`],
      identifiers: ['banner', 'mode', 'strict', 'rounding'],
      literals: ['strict-rounding'],
    },
    {
      name: 'template literals and double quotes count as strings',
      removed: [`  throw new Error(\`unknown region \${region}\`); emit("invoice.voided");`],
      identifiers: ['Error', 'unknown', 'emit', 'invoice', 'voided'],
      literals: [`unknown region \${region}`, 'invoice.voided'],
    },
    {
      name: 'a name removed twice is reported once',
      removed: ['  audit(legacyRate);', '  return legacyRate;'],
      identifiers: ['audit', 'legacyRate'],
      literals: [],
    },
    {
      name: 'a deleted function: its names, not keywords, built-in types or names the file still uses',
      removed: [
        'export async function legacyTaxRate(region: string): Promise<number | null> {',
        '  const rate = await fetchRate(region);',
        '  return rate ?? null;',
        '}',
      ],
      identifiers: ['legacyTaxRate', 'rate', 'fetchRate'],
      literals: [],
    },
    { name: 'nothing removed', removed: [], identifiers: [], literals: [] },
  ])('$name', ({ removed, identifiers, literals }) => {
    expect(removedText(removed, HEAD)).toEqual({ identifiers, literals });
  });

  it('keeps at most twelve of each, the first ones removed', () => {
    const removed = Array.from(
      { length: 20 },
      (_, i) => `  registry.register('handler_${i}', handlerNumber${i});`,
    );
    const result = removedText(removed, HEAD);
    expect(result.identifiers).toHaveLength(12);
    expect(result.identifiers.slice(0, 3)).toEqual(['registry', 'register', 'handler_0']);
    expect(result.literals).toEqual(Array.from({ length: 12 }, (_, i) => `handler_${i}`));
  });
});
