import { describe, expect, it } from 'vitest';
import type { Side } from '../../../src/diff/types.js';
import { checkSuggestions } from '../../../src/review/anchor-findings/check-suggestions.js';
import type { Finding } from '../../../src/review/types.js';

const FILES: Record<string, string> = {
  'src/stock.ts': [
    "import type { Item } from './item.js';",
    '',
    '/** Takes `count` units of an item out of stock; false when there are not enough. */',
    'export function reserve(stock: Map<string, number>, item: Item, count: number): boolean {',
    '  const available = stock.get(item.sku) ?? 0;',
    '  if (available <= count) return false;',
    '  stock.set(item.sku, available - count);',
    '  return true;',
    '}',
    '',
  ].join('\n'),
  'shop/stock.py': [
    'class Stock:',
    '    def reserve(self, sku, count):',
    '        available = self.items.get(sku, 0)',
    '        if available <= count:',
    '            return False',
    '        self.items[sku] = available - count',
    '        return True',
    '',
  ].join('\n'),
  // Already broken before the suggestion: a half-typed line the author is still working on.
  'src/draft.ts': [
    'export function total(lines: number[]): number {',
    '  return lines.reduce((a, b) => a + b, 0',
    '}',
    '',
  ].join('\n'),
  'deploy/values.yaml': ['replicas: 2', 'image:', '  tag: v1.4.2', ''].join('\n'),
};

function finding(
  path: string,
  startLine: number,
  suggestion: string | null,
  overrides: Partial<Finding> = {},
): Finding {
  const side: Side = 'RIGHT';
  return {
    pass: 'correctness',
    category: 'bug',
    severity: 'major',
    title: 'Off by one when the stock equals the request',
    body: 'Reserving exactly the available count returns false.',
    evidence: [`${path}:${startLine}`],
    suggestion,
    path,
    side,
    startLine,
    endLine: startLine,
    withinOneHunk: true,
    code: [FILES[path]?.split('\n')[startLine - 1] ?? ''],
    symbol: null,
    fingerprint: '0123456789abcdef',
    confidence: 0.82,
    votes: 2,
    verdict: 'confirmed',
    ...overrides,
  };
}

const headText = async (path: string) => FILES[path] ?? null;

describe('checkSuggestions', () => {
  it.each<{ name: string; finding: Finding }>([
    {
      name: 'a one-line fix with balanced brackets',
      finding: finding('src/stock.ts', 6, '  if (available < count) return false;'),
    },
    {
      name: 'a fix with a trailing newline, as models often write it',
      finding: finding('src/stock.ts', 6, '  if (available < count) return false;\n'),
    },
    {
      name: 'a fix spanning lines that opens and closes a block',
      finding: finding(
        'src/stock.ts',
        6,
        [
          '  if (available < count) {',
          "    log.debug('not enough stock', { sku: item.sku });",
          '    return false;',
          '  }',
        ].join('\n'),
        { endLine: 6 },
      ),
    },
    {
      name: 'a fix replacing two lines with one',
      finding: finding('src/stock.ts', 6, '  if (available < count || !stock.has(item.sku)) return false;', {
        endLine: 7,
      }),
    },
    {
      name: 'a Python fix that keeps the indentation',
      finding: finding('shop/stock.py', 4, '        if available < count:'),
    },
    {
      name: 'a Python fix that adds a nested block at the right depth',
      finding: finding(
        'shop/stock.py',
        5,
        ['            log.debug("short of %s", sku)', '            return False'].join('\n'),
      ),
    },
    {
      name: 'a fix in a file that was already broken, adding no error of its own',
      finding: finding('src/draft.ts', 1, 'export function total(lines: readonly number[]): number {'),
    },
  ])('$name keeps its suggestion', async ({ finding: original }) => {
    const checked = await checkSuggestions([original], headText);
    expect(checked).toEqual({ findings: [original], dropped: 0 });
  });

  it.each<{ name: string; finding: Finding }>([
    {
      name: 'a fix that loses a closing parenthesis',
      finding: finding('src/stock.ts', 6, '  if (available < count return false;'),
    },
    {
      name: 'a fix that opens a block and never closes it',
      finding: finding('src/stock.ts', 6, '  if (available < count) {'),
    },
    {
      name: 'a fix that replaces the closing brace of the function',
      finding: finding('src/stock.ts', 9, '  // done'),
    },
    {
      name: 'a Python fix that lost the indentation of its block',
      finding: finding('shop/stock.py', 5, 'return False'),
    },
    {
      name: 'a Python fix indented as the if instead of its body',
      finding: finding('shop/stock.py', 5, '        return False'),
    },
    {
      name: 'a Python fix that forgets the colon',
      finding: finding('shop/stock.py', 4, '        if available < count'),
    },
  ])('$name loses its suggestion, and is counted', async ({ finding: original }) => {
    const checked = await checkSuggestions([original], headText);
    expect(checked).toEqual({ findings: [{ ...original, suggestion: null }], dropped: 1 });
  });

  it.each<{ name: string; finding: Finding }>([
    {
      name: 'a file in a language Sift does not parse',
      finding: finding('deploy/values.yaml', 3, '  tag: [v1.4.3'),
    },
    {
      name: 'a finding on removed lines (LEFT)',
      finding: finding('src/stock.ts', 6, '  if (available < count return false;', { side: 'LEFT' }),
    },
    { name: 'a finding without a suggestion', finding: finding('src/stock.ts', 6, null) },
    { name: 'a file whose text is not available', finding: finding('src/missing.ts', 3, '  if (x { ') },
  ])('$name is left as it is', async ({ finding: original }) => {
    const checked = await checkSuggestions([original], headText);
    expect(checked).toEqual({ findings: [original], dropped: 0 });
  });

  it('keeps the findings in order and counts each dropped suggestion', async () => {
    const findings = [
      finding('src/stock.ts', 6, '  if (available < count return false;', { title: 'first' }),
      finding('shop/stock.py', 4, '        if available < count:', { title: 'second' }),
      finding('shop/stock.py', 5, 'return False', { title: 'third' }),
    ];
    const checked = await checkSuggestions(findings, headText);
    expect(checked.findings.map((f) => [f.title, f.suggestion])).toEqual([
      ['first', null],
      ['second', '        if available < count:'],
      ['third', null],
    ]);
    expect(checked.dropped).toBe(2);
  });
});
