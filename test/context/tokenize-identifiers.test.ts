import { describe, expect, it } from 'vitest';
import { tokenizeIdentifiers } from '../../src/context/tokenize-identifiers.js';

const sorted = (text: string) => [...tokenizeIdentifiers(text)].sort();

describe('tokenizeIdentifiers', () => {
  it.each<{ name: string; text: string; identifiers: string[] }>([
    {
      name: 'a TypeScript call keeps every name of two characters or more',
      text: 'const id = await db.get(key, { ttl: 5 });',
      identifiers: ['await', 'const', 'db', 'get', 'id', 'key', 'ttl'],
    },
    {
      name: 'single-character names are too common to index',
      text: 'for (let i = 0; i < n; i++) x[i] = y[i] * k;',
      identifiers: ['for', 'let'],
    },
    {
      name: '`$` and `_` are identifier characters, alone they are not names',
      text: "$scope.$watch('items', _ => __init__($el, _private, $));",
      identifiers: ['$el', '$scope', '$watch', '__init__', '_private', 'items'],
    },
    {
      name: 'numbers are skipped whole, with what is glued to them',
      text: 'const mask = 0x1f & 0b1010; const big = 1e10 + 10_000n + 3.14; const v2 = 2d;',
      identifiers: ['big', 'const', 'mask', 'v2'],
    },
    {
      name: 'names in string and template literals are found, so config keys and routes can be searched',
      text: `log.warn(\`rate limit exceeded for \${scope}:\${key}\`); fetch('/api/invoices');`,
      identifiers: [
        'api',
        'exceeded',
        'fetch',
        'for',
        'invoices',
        'key',
        'limit',
        'log',
        'rate',
        'scope',
        'warn',
      ],
    },
    {
      name: 'names in comments are found too: the tokenizer knows no language',
      text: '# TODO(alice): drop legacy_tax once invoices migrate',
      identifiers: ['TODO', 'alice', 'drop', 'invoices', 'legacy_tax', 'migrate', 'once'],
    },
    {
      name: 'a name is cut at any punctuation, including dots and dashes',
      text: 'import pricing.apply_discount; see rate-limiter::check',
      identifiers: ['apply_discount', 'check', 'import', 'limiter', 'pricing', 'rate', 'see'],
    },
    {
      name: 'Python and Go names with letters beyond ASCII are kept whole',
      text: 'def größe(maß):\n    return maß * faktor_ü\n\nfunc naïveCount(Δt float64) int',
      identifiers: [
        'def',
        'faktor_ü',
        'float64',
        'func',
        'größe',
        'int',
        'maß',
        'naïveCount',
        'return',
        'Δt',
      ],
    },
    {
      name: 'non-ASCII punctuation and spaces separate names like ASCII ones do',
      text: 'total\u00a0price — “discount” · tax…',
      identifiers: ['discount', 'price', 'tax', 'total'],
    },
    { name: 'an empty text', text: '', identifiers: [] },
  ])('$name', ({ text, identifiers }) => {
    expect(sorted(text)).toEqual(identifiers);
  });
});
