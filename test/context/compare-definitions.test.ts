import { describe, expect, it } from 'vitest';
import { compareDefinitions } from '../../src/context/compare-definitions.js';
import type { Definition } from '../../src/context/file-summary.js';
import { findEnclosingDefinition } from '../../src/context/find-enclosing-definition.js';
import { summarizeFile } from '../../src/context/summarize-file.js';

/** The innermost definitions around the given lines, as analyse-changed-file.ts picks them. */
function touchedAt(definitions: readonly Definition[], lines: readonly number[]): (d: Definition) => boolean {
  const touched = new Set(lines.map((line) => findEnclosingDefinition(definitions, line, line)));
  return (definition) => touched.has(definition);
}

/** Compares two versions of a TypeScript file, given the lines the diff removed (base) and added (head). */
async function compare(base: string[], head: string[], changed: { removed: number[]; added: number[] }) {
  const before = (await summarizeFile(base.join('\n'), 'typescript')).definitions;
  const after = (await summarizeFile(head.join('\n'), 'typescript')).definitions;
  const changes = compareDefinitions(before, after, {
    base: touchedAt(before, changed.removed),
    head: touchedAt(after, changed.added),
  });
  return changes.map(({ name, change, definition }) => `${change} ${name} @${definition.startLine}`);
}

const PRICING = [
  'export function applyDiscount(total: number, percent: number): number {', // 1
  '  return Math.round(total * (1 - percent / 100));', // 2
  '}', // 3
  '', // 4
  'export function addTax(total: number, rate: number): number {', // 5
  '  return Math.round(total * (1 + rate));', // 6
  '}', // 7
  '', // 8
];

describe('compareDefinitions', () => {
  it('a function deleted from the file is removed, shown as it was', async () => {
    const head = PRICING.slice(0, 4);
    expect(await compare(PRICING, head, { removed: [5, 6, 7], added: [] })).toEqual(['removed addTax @5']);
  });

  it('a renamed function is removed: its callers break the same way', async () => {
    const head = PRICING.map((line) => line.replace('function addTax', 'function withTax'));
    expect(await compare(PRICING, head, { removed: [5], added: [5] })).toEqual(['removed addTax @5']);
  });

  it('reordered parameters change the signature', async () => {
    const head = PRICING.map((line) =>
      line.replace('(total: number, percent: number)', '(percent: number, total: number)'),
    );
    expect(await compare(PRICING, head, { removed: [1], added: [1] })).toEqual([
      'signature-changed applyDiscount @1',
    ]);
  });

  it('a changed return type changes the signature', async () => {
    const head = PRICING.map((line) => line.replace('rate: number): number', 'rate: number): bigint'));
    expect(await compare(PRICING, head, { removed: [5], added: [5] })).toEqual([
      'signature-changed addTax @5',
    ]);
  });

  it('a change inside the body only changes the body, at its new place after lines moved', async () => {
    const head = [
      '/** Prices are integer cents. */',
      ...PRICING.map((line) =>
        line.replace('Math.round(total * (1 + rate))', 'Math.ceil(total * (1 + rate))'),
      ),
    ];
    expect(await compare(PRICING, head, { removed: [6], added: [1, 7] })).toEqual(['body-changed addTax @6']);
  });

  it('a function new in this change is not reported: nothing uses it yet', async () => {
    const head = [
      ...PRICING,
      'export function roundCents(value: number): number {',
      '  return Math.round(value);',
      '}',
      '',
    ];
    expect(await compare(PRICING, head, { removed: [], added: [9, 10, 11] })).toEqual([]);
  });

  it('definitions the change does not touch are not reported, even when they moved', async () => {
    const head = ['import { log } from "../review/build-context/log.js";', '', ...PRICING];
    expect(await compare(PRICING, head, { removed: [], added: [1, 2] })).toEqual([]);
  });

  it('reports several changes in line order', async () => {
    const head = PRICING.map((line) =>
      line.replace('percent / 100', 'Math.min(percent, 100) / 100').replace('rate: number)', 'rate = 0.2)'),
    );
    expect(await compare(PRICING, head, { removed: [2, 5], added: [2, 5] })).toEqual([
      'body-changed applyDiscount @1',
      'signature-changed addTax @5',
    ]);
  });

  describe('two classes with a constructor each', () => {
    const SERVICES = [
      'export class InvoiceService {', // 1
      '  constructor(private readonly db: Database) {}', // 2
      '', // 3
      '  find(id: string) {', // 4
      "    return this.db.one('invoices', id);", // 5
      '  }', // 6
      '}', // 7
      '', // 8
      'export class RefundService {', // 9
      '  constructor(private readonly db: Database) {}', // 10
      '', // 11
      '  find(id: string) {', // 12
      "    return this.db.one('refunds', id);", // 13
      '  }', // 14
      '}', // 15
      '',
    ];

    it("a changed constructor is paired with its own class's, not the other one with the same old signature", async () => {
      const head = SERVICES.map((line, index) =>
        index === 1 ? '  constructor(private readonly db: Database, private readonly clock: Clock) {}' : line,
      );
      expect(await compare(SERVICES, head, { removed: [2], added: [2] })).toEqual([
        'signature-changed constructor @2',
      ]);
    });

    it('a constructor changed further down is paired with the nearest, after lines moved', async () => {
      const head = [
        "import type { AuditLog } from '../review/build-context/audit.js';",
        '',
        ...SERVICES.slice(0, 9),
        '  constructor(private readonly db: Database, private readonly audit: AuditLog) {}',
        ...SERVICES.slice(10),
      ];
      expect(await compare(SERVICES, head, { removed: [10], added: [1, 2, 12] })).toEqual([
        'signature-changed constructor @12',
      ]);
    });

    it('a method changed in one class only reports that class', async () => {
      const head = SERVICES.map((line) =>
        line.replace("one('refunds', id)", "one('refunds', id, { deleted: false })"),
      );
      expect(await compare(SERVICES, head, { removed: [13], added: [13] })).toEqual([
        'body-changed find @12',
      ]);
    });
  });
});
