import { describe, expect, it } from 'vitest';
import { countSyntaxErrors } from '../../src/context/count-syntax-errors.js';
import type { LanguageId } from '../../src/context/languages.js';

const RESERVE_TS = [
  'export function reserve(stock: Map<string, number>, sku: string, count: number): boolean {',
  '  const available = stock.get(sku) ?? 0;',
  '  if (available < count) return false;',
  '  stock.set(sku, available - count);',
  '  return true;',
  '}',
  '',
].join('\n');

const RESERVE_PY = [
  'class Stock:',
  '    def reserve(self, sku, count):',
  '        available = self.items.get(sku, 0)',
  '        if available < count:',
  '            return False',
  '        self.items[sku] = available - count; self.reserved += count',
  '        # a comment may sit at any column',
  '        return True',
  '',
].join('\n');

const RESERVE_GO = [
  'package stock',
  '',
  'func Reserve(stock map[string]int, sku string, count int) bool {',
  '\tavailable := stock[sku]',
  '\tif available < count {',
  '\t\treturn false',
  '\t}',
  '\tstock[sku] = available - count',
  '\treturn true',
  '}',
  '',
].join('\n');

describe('countSyntaxErrors', () => {
  it.each<{ name: string; language: LanguageId; text: string }>([
    { name: 'a TypeScript function', language: 'typescript', text: RESERVE_TS },
    {
      name: 'a Python class, with two statements on one line and a stray-column comment',
      language: 'python',
      text: RESERVE_PY,
    },
    { name: 'a Go function', language: 'go', text: RESERVE_GO },
    { name: 'an empty Python file', language: 'python', text: '' },
  ])('$name that parses has none', async ({ language, text }) => {
    expect(await countSyntaxErrors(text, language)).toBe(0);
  });

  it.each<{ name: string; language: LanguageId; text: string }>([
    {
      name: 'TypeScript: a call missing its closing parenthesis',
      language: 'typescript',
      text: RESERVE_TS.replace('stock.get(sku)', 'stock.get(sku'),
    },
    {
      name: 'TypeScript: a function missing its closing brace',
      language: 'typescript',
      text: RESERVE_TS.replace(/\}\n$/, '\n'),
    },
    { name: 'TypeScript: one closing brace too many', language: 'typescript', text: `${RESERVE_TS}}\n` },
    { name: 'Go: an if missing its closing brace', language: 'go', text: RESERVE_GO.replace('\t}\n', '\n') },
    {
      name: 'Python: the body of an if dedented to the if (expected an indented block)',
      language: 'python',
      text: RESERVE_PY.replace('            return False', '        return False'),
    },
    {
      name: 'Python: a line dedented to no enclosing level (unindent does not match)',
      language: 'python',
      text: RESERVE_PY.replace('        self.items[sku]', '      self.items[sku]'),
    },
    {
      name: 'Python: a line that lost all its indentation',
      language: 'python',
      text: RESERVE_PY.replace('        self.items[sku]', 'self.items[sku]'),
    },
    {
      name: 'Python: a tab where the block indents with spaces',
      language: 'python',
      text: RESERVE_PY.replace('        return True', '\treturn True'),
    },
    {
      name: 'Python: an unclosed bracket',
      language: 'python',
      text: RESERVE_PY.replace('get(sku, 0)', 'get(sku, 0'),
    },
  ])('$name has some', async ({ language, text }) => {
    expect(await countSyntaxErrors(text, language)).toBeGreaterThan(0);
  });
});
