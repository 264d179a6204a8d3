import { describe, expect, it } from 'vitest';
import { parseHunks } from '../../../src/diff/parse-hunks.js';
import type { DiffFile } from '../../../src/diff/types.js';
import { renderDiff } from '../../../src/review/ask-models/render-diff.js';
import type { ReviewFile } from '../../../src/review/types.js';

function reviewFile(id: string, path: string, patch: string, overrides: Partial<DiffFile> = {}): ReviewFile {
  return {
    id,
    file: {
      path,
      previousPath: null,
      status: 'modified',
      patchState: 'present',
      hunks: parseHunks(patch, path),
      additions: 0,
      deletions: 0,
      ...overrides,
    },
  };
}

const lines = (...rows: string[]) => rows.join('\n');

const STOCK = reviewFile(
  'F1',
  'src/stock.ts',
  lines(
    "@@ -3,6 +3,6 @@ import type { Item } from './item.js';",
    ' /** Takes `count` units of an item out of stock; false when there are not enough. */',
    ' export function reserve(stock: Map<string, number>, id: string, count: number): boolean {',
    '   const available = stock.get(id) ?? 0;',
    '-  if (available < count) return false;',
    '+  if (available <= count) return false;',
    '   stock.set(id, available - count);',
    '   return true;',
    '@@ -98,3 +98,3 @@ export function lowStock(items: Item[]): Item[] {',
    '   return low;',
    '-  // unreachable',
    '+  // sorted by name',
    ' }',
  ),
);

const PRICE = reviewFile(
  'F2',
  'src/format/price.ts',
  lines(
    '@@ -5,2 +5,4 @@ export function formatPrice(cents: number): string {',
    "   return '$' + dollars + '.' + String(rest).padStart(2, '0');",
    ' }',
    '+',
    "+export const formatRange = (low: number, high: number) => formatPrice(low) + '–' + formatPrice(high);",
  ),
  { status: 'renamed', previousPath: 'src/util/format.ts' },
);

describe('renderDiff', () => {
  it('a modified file with a removed line and a renamed file › one block per file, each line labelled with its id', () => {
    expect(renderDiff([STOCK, PRICE])).toMatchInlineSnapshot(`
      "<file id="F1" path="src/stock.ts" status="modified">
      @@ -3,6 +3,6 @@ import type { Item } from './item.js';
      F1:R3 | /** Takes \`count\` units of an item out of stock; false when there are not enough. */
      F1:R4 | export function reserve(stock: Map<string, number>, id: string, count: number): boolean {
      F1:R5 |   const available = stock.get(id) ?? 0;
      F1:L6 |-  if (available < count) return false;
      F1:R6 |+  if (available <= count) return false;
      F1:R7 |   stock.set(id, available - count);
      F1:R8 |   return true;
      @@ -98,3 +98,3 @@ export function lowStock(items: Item[]): Item[] {
      F1:R98  |   return low;
      F1:L99  |-  // unreachable
      F1:R99  |+  // sorted by name
      F1:R100 | }
      </file>

      <file id="F2" path="src/format/price.ts" status="renamed" previous_path="src/util/format.ts">
      @@ -5,2 +5,4 @@ export function formatPrice(cents: number): string {
      F2:R5 |   return '$' + dollars + '.' + String(rest).padStart(2, '0');
      F2:R6 | }
      F2:R7 |+
      F2:R8 |+export const formatRange = (low: number, high: number) => formatPrice(low) + '–' + formatPrice(high);
      </file>"
    `);
  });

  it('a new file › only R ids, starting at 1', () => {
    const added = reviewFile(
      'F3',
      'src/version.ts',
      lines('@@ -0,0 +1,2 @@', "+export const VERSION = '1.4.0';", '+'),
      {
        status: 'added',
      },
    );
    expect(renderDiff([added])).toMatchInlineSnapshot(`
      "<file id="F3" path="src/version.ts" status="added">
      @@ -0,0 +1,2 @@
      F3:R1 |+export const VERSION = '1.4.0';
      F3:R2 |+
      </file>"
    `);
  });

  it('secrets in the code › redacted without adding or removing a line', () => {
    const config = reviewFile(
      'F1',
      'src/config.ts',
      lines(
        '@@ -1,2 +1,9 @@',
        ' export const config = {',
        "+  githubToken: 'ghp_1234567890abcdefghijABCDEFGHIJ123456',",
        '+  database: { user: "app", password: "c0rrect-h0rse-battery" },',
        '+  signingKey: `-----BEGIN RSA PRIVATE KEY-----',
        '+MIIEowIBAAKCAQEA7bq9eW8iY5v3kOqQm1mAbCdEfGhIjKlMnOpQrStUvWxYz012',
        '+3456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
        '+-----END RSA PRIVATE KEY-----`,',
        '+  retries: 3,',
        ' };',
      ),
      { status: 'modified' },
    );
    const rendered = renderDiff([config]);
    expect(rendered).toMatchInlineSnapshot(`
      "<file id="F1" path="src/config.ts" status="modified">
      @@ -1,2 +1,9 @@
      F1:R1 | export const config = {
      F1:R2 |+  githubToken: '[redacted secret]',
      F1:R3 |+  database: { user: "app", password: "[redacted secret]" },
      F1:R4 |+  signingKey: \`[redacted secret]
      F1:R5 |+[redacted secret]
      F1:R6 |+[redacted secret]
      F1:R7 |+[redacted secret]\`,
      F1:R8 |+  retries: 3,
      F1:R9 | };
      </file>"
    `);
    expect(rendered).not.toMatch(/ghp_|c0rrect|MIIEow|3456789abc/);
    // The header, the hunk header, nine diff lines and the closing tag: nothing added or lost.
    expect(rendered.split('\n')).toHaveLength(12);
  });

  it('hidden Unicode characters › escaped in the code and section, stripped from the path', () => {
    const trojan = reviewFile(
      'F1',
      'src/access\u200B.ts',
      lines(
        '@@ -1,2 +1,2 @@ function isAdmin(\u2066user\u2069)',
        ' const accessLevel = "user";',
        '-if (accessLevel != "user") {',
        '+if (accessLevel != "user\u202E \u2066// Check if admin\u2069 \u2066") {',
      ),
    );
    const rendered = renderDiff([trojan]);
    expect(rendered).not.toMatch(/[\u200B\u202E\u2066\u2069]/);
    expect(rendered).toMatchInlineSnapshot(`
      "<file id="F1" path="src/access.ts" status="modified">
      @@ -1,2 +1,2 @@ function isAdmin(<U+2066>user<U+2069>)
      F1:R1 | const accessLevel = "user";
      F1:L2 |-if (accessLevel != "user") {
      F1:R2 |+if (accessLevel != "user<U+202E> <U+2066>// Check if admin<U+2069> <U+2066>") {
      </file>"
    `);
  });

  it('a path with quotes and angle brackets › escaped, so it cannot close the tag', () => {
    const odd = reviewFile('F1', 'docs/say "hi" <b>.md', lines('@@ -1 +1 @@', '-hi', '+hello'), {
      status: 'renamed',
      previousPath: 'docs/a&b.md',
    });
    expect(renderDiff([odd]).split('\n')[0]).toBe(
      '<file id="F1" path="docs/say &#34;hi&#34; &#60;b&#62;.md" status="renamed" previous_path="docs/a&#38;b.md">',
    );
  });

  it('no files › an empty string', () => {
    expect(renderDiff([])).toBe('');
  });
});
