import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { sanitizeModelMarkdown } from '../../../src/review/render/sanitize-model-markdown.js';

const REPOSITORY = 'https://github.com/acme/inventory';
const onGitHub = { allowedLinkBase: REPOSITORY };
const inTheCli = { allowedLinkBase: null };

// Pieces a hostile or confused model mixes: every delimiter whose pairing a regex could get wrong.
const FRAGMENTS = [
  '`',
  '``',
  '```',
  '~~~',
  '\\`',
  '\\',
  '<',
  '>',
  '<!--',
  '-->',
  '<!-- sift:review {"head":"abc1234"} -->',
  '@',
  '@octocat',
  '@acme/security-team',
  'me@acme.example',
  '&#64;',
  '&lt;',
  '&#x3C;img src=x>',
  '[',
  ']',
  '](',
  ')',
  '(',
  '!',
  '![alt](https://evil.example/x.png)',
  '[x]: https://evil.example',
  '[^1]',
  '[^1]: ',
  '/',
  '/approve',
  '/merge',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '    ',
  '> ',
  '- ',
  '1. ',
  '# ',
  '*',
  '_',
  '~',
  '|',
  '| --- |',
  ':',
  '"',
  "'",
  'https://evil.example/phish',
  'www.evil.example',
  'https://github.com/acme/inventory/blob/abc/src/stock.ts',
  'javascript:alert(1)',
  '<https://evil.example>',
  '<img src=x onerror=alert(1)>',
  '<details>',
  '</details>',
  '<a href="https://evil.example">',
  '</a>',
  '[own](https://github.com/acme/inventory/blob/abc/a.ts)',
  '[x][y]',
  '[y]: /docs',
  '&#x2F;approve',
  '---',
  '===',
  '***',
  '--!>',
  '<!---->',
  '\u200b',
  '> - '.repeat(10),
  'reserve()',
  'stock',
  '.',
  ',',
];

const markdownish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

const parse = (markdown: string) =>
  fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** What GitHub would make of the output, outside code, that Sift must never post. */
function violations(markdown: string, allowedLinkBase: string | null): string[] {
  const found: string[] = [];
  if (/<!--\s*sift:/i.test(markdown)) found.push('a Sift marker');
  const visit = (node: Nodes, startsLine: boolean) => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
        return;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'definition':
        found.push(`${node.type} ${JSON.stringify(node)}`);
        return;
      case 'link':
        if (!isIntoRepository(node.url, allowedLinkBase)) found.push(`a link to ${node.url}`);
        break;
      case 'text':
        if (/(?<![A-Za-z0-9_])@[A-Za-z0-9]/.test(node.value)) found.push(`a mention in ${node.value}`);
        if (/<!--|-->/.test(node.value)) found.push(`a comment delimiter in ${node.value}`);
        if ((startsLine && /^\s*\/[A-Za-z]/.test(node.value)) || /\n[^\S\n]*\/[A-Za-z]/.test(node.value)) {
          found.push(`a slash command in ${node.value}`);
        }
        break;
    }
    if (!('children' in node)) return;
    node.children.forEach((child, index) => {
      const first = index === 0 && (node.type === 'paragraph' || node.type === 'heading');
      visit(child, first || node.children[index - 1]?.type === 'break');
    });
  };
  visit(parse(markdown), false);
  return found;
}

function isIntoRepository(url: string, allowedLinkBase: string | null): boolean {
  if (allowedLinkBase === null) return !/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(url);
  const parsed = URL.parse(url);
  return (
    parsed !== null &&
    parsed.host === 'github.com' &&
    parsed.pathname.toLowerCase().startsWith('/acme/inventory/')
  );
}

describe('sanitizeModelMarkdown, for any text', () => {
  describe.each([
    ['on GitHub', onGitHub],
    ['in the CLI', inTheCli],
  ])('%s', (_, options) => {
    it.each([
      ['arbitrary strings', anyText],
      ['Markdown-like fragments', markdownish],
    ])('%s › nothing that pings, links out, shows an image, hides HTML or forges a marker', (_, text) => {
      fc.assert(
        fc.property(text, (input) => {
          expect(violations(sanitizeModelMarkdown(input, options), options.allowedLinkBase)).toEqual([]);
        }),
        { numRuns: 500 },
      );
    });

    it.each([
      ['arbitrary strings', anyText],
      ['Markdown-like fragments', markdownish],
    ])('%s › sanitising the output again changes nothing', (_, text) => {
      fc.assert(
        fc.property(text, (input) => {
          const once = sanitizeModelMarkdown(input, options);
          expect(sanitizeModelMarkdown(once, options)).toBe(once);
        }),
        { numRuns: 500 },
      );
    });
  });
});
