import { describe, expect, it } from 'vitest';
import { containsSpan, normaliseSpan, spanHash } from '../../../src/review/score-findings/span-hash.js';
import { inventoryFile } from '../support/sift-findings.js';

const STOCK = inventoryFile('head', 'src/stock.ts');

/** The head's `src/stock.ts` with one edit; throws when the text to replace is not there. */
function edited(from: string | RegExp, to: string): string {
  const text = STOCK.replace(from, to);
  if (text === STOCK) throw new Error(`no ${String(from)} in src/stock.ts`);
  return text;
}

/** The body of `reserve` at the head of the inventory pull request, where Sift's finding points. */
const RESERVE_BODY = [
  '  const available = stock.get(id) ?? 0;',
  '  if (available <= count) return false;',
  '  stock.set(id, available - count);',
];

describe('normaliseSpan', () => {
  it('trims each line, collapses inner runs of whitespace and drops blank lines', () => {
    expect(normaliseSpan(['\tconst  available = stock.get(id)  ?? 0;', '', '   ', '  return true;  '])).toBe(
      'const available = stock.get(id) ?? 0;\nreturn true;',
    );
  });
});

describe('spanHash', () => {
  it('is 16 hex characters, as finding markers record it', () => {
    expect(spanHash(RESERVE_BODY)).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['reindented with four spaces', RESERVE_BODY.map((line) => `  ${line}`)],
    ['reindented with tabs', RESERVE_BODY.map((line) => line.replace(/^ {2}/, '\t'))],
    [
      'with blank lines between',
      [RESERVE_BODY[0] ?? '', '', RESERVE_BODY[1] ?? '', '\t', RESERVE_BODY[2] ?? ''],
    ],
    ['with spacing inside a line', RESERVE_BODY.map((line) => line.replace(' <= ', '  <=  '))],
  ])('the same code %s › the same hash', (_, lines) => {
    expect(spanHash(lines)).toBe(spanHash(RESERVE_BODY));
  });

  it.each([
    ['an operator changed', RESERVE_BODY.map((line) => line.replace('<=', '<'))],
    ['a line removed', RESERVE_BODY.slice(0, 2)],
    ['lines swapped', [RESERVE_BODY[1] ?? '', RESERVE_BODY[0] ?? '', RESERVE_BODY[2] ?? '']],
  ])('the code with %s › a different hash', (_, lines) => {
    expect(spanHash(lines)).not.toBe(spanHash(RESERVE_BODY));
  });
});

describe('containsSpan', () => {
  const hash = spanHash(RESERVE_BODY);
  const lines = RESERVE_BODY.length;

  it.each([
    ['the file as it was', STOCK],
    [
      'a function added above, moving the code down',
      edited(
        "import type { Item } from './item.js';\n",
        "import type { Item } from './item.js';\n\nexport function inStock(stock: Map<string, number>, id: string): boolean {\n  return (stock.get(id) ?? 0) > 0;\n}\n",
      ),
    ],
    [
      'the code wrapped in a new block, so reindented',
      edited(RESERVE_BODY.join('\n'), `  {\n${RESERVE_BODY.map((line) => `  ${line}`).join('\n')}\n  }`),
    ],
    ['a blank line inserted inside the span', edited('?? 0;\n  if (available', '?? 0;\n\n  if (available')],
    ['CRLF line endings', edited(/\n/g, '\r\n')],
    ['the span as the last lines, without a final newline', RESERVE_BODY.join('\n')],
  ])('%s › found', (_, text) => {
    expect(containsSpan(text, hash, lines)).toBe(true);
  });

  it.each([
    ['the operator fixed', edited('available <= count', 'available < count')],
    ['a statement inserted inside the span', edited('?? 0;\n', '?? 0;\n  if (count <= 0) return false;\n')],
    ['the function deleted', edited(/export function reserve[\s\S]*?\n}\n/, '')],
    ['an empty file', ''],
    ['a file shorter than the span', '  if (available <= count) return false;\n'],
  ])('%s › not found', (_, text) => {
    expect(containsSpan(text, hash, lines)).toBe(false);
  });
});
