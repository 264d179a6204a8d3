import { describe, expect, it } from 'vitest';
import { countSyntaxErrors } from '../../src/context/count-syntax-errors.js';
import { createSymbolCaches, summarizeText } from '../../src/context/symbol-index.js';
import { MAX_PARSED_BYTES, tooLargeToParse } from '../../src/context/too-large-to-parse.js';
import { checkSuggestions } from '../../src/review/anchor-findings/check-suggestions.js';
import type { Finding } from '../../src/review/types.js';

/** A TypeScript file of about `kilobytes` KB: many small, well-formed functions. */
function typescriptOf(kilobytes: number): string {
  const unit = (index: number) =>
    `export function price${index}(count: number): number {\n  return count * ${index};\n}\n`;
  const lines: string[] = [];
  let size = 0;
  for (let index = 0; size < kilobytes * 1024; index++) {
    lines.push(unit(index));
    size += unit(index).length;
  }
  return lines.join('');
}

describe('tooLargeToParse', () => {
  it.each([
    { name: 'ASCII at the limit', text: 'a'.repeat(MAX_PARSED_BYTES), tooLarge: false },
    { name: 'ASCII one byte over', text: 'a'.repeat(MAX_PARSED_BYTES + 1), tooLarge: true },
    // "é" is two bytes in UTF-8: the limit is in bytes, not characters.
    {
      name: 'two-byte characters over it in bytes',
      text: 'é'.repeat(MAX_PARSED_BYTES / 2 + 1),
      tooLarge: true,
    },
    { name: 'two-byte characters at it', text: 'é'.repeat(MAX_PARSED_BYTES / 2), tooLarge: false },
  ])('$name › $tooLarge', ({ text, tooLarge }) => {
    expect(tooLargeToParse(text)).toBe(tooLarge);
  });
});

describe('a 600 KB source file', () => {
  const large = typescriptOf(600);
  const small = typescriptOf(4);

  it('is not parsed: no symbols, no syntax count', async () => {
    expect(Buffer.byteLength(large)).toBeGreaterThan(600 * 1024);
    const summary = await summarizeText(large, 'src/prices.ts', createSymbolCaches());
    expect(summary.definitions).toEqual([]);
    expect(await countSyntaxErrors(large, 'typescript')).toBeNull();
  });

  it('while the same code in a small file is', async () => {
    const summary = await summarizeText(small, 'src/prices.ts', createSymbolCaches());
    expect(summary.definitions.map((definition) => definition.name).slice(0, 2)).toEqual([
      'price0',
      'price1',
    ]);
    expect(await countSyntaxErrors(small, 'typescript')).toBe(0);
  });

  it('keeps a suggestion on it, unchecked, as for languages Sift does not parse', async () => {
    const finding: Finding = {
      pass: 'correctness',
      path: 'src/prices.ts',
      side: 'RIGHT',
      startLine: 2,
      endLine: 2,
      withinOneHunk: true,
      code: ['  return count * 0;'],
      symbol: 'price0',
      category: 'bug',
      severity: 'major',
      title: 'price0 multiplies by zero',
      body: 'Every count costs nothing.',
      evidence: [],
      // Would not parse: an unclosed parenthesis. Checking it would take parsing 600 KB twice.
      suggestion: '  return count * (0;\n',
      fingerprint: 'price0-zero',
      confidence: 0.9,
      votes: 3,
      verdict: 'confirmed',
    };
    const checked = await checkSuggestions([finding], async () => large);
    expect(checked).toEqual({ findings: [finding], dropped: 0 });
  });
});
