import { describe, expect, it } from 'vitest';
import { codeLinesForModel } from '../../src/llm/code-lines-for-model.js';
import { stripHiddenCharacters } from '../../src/llm/fence-untrusted.js';
import { revealHiddenCharacters } from '../../src/llm/reveal-hidden-characters.js';

describe('stripHiddenCharacters, by Unicode property', () => {
  it.each([
    // Not in the hand-written list this replaced.
    ['the Arabic letter mark, a bidirectional control', 'a\u061Cb', 'ab'],
    ['a Hangul filler, a letter that renders as nothing', 'const \u3164 = 1;', 'const  = 1;'],
    ['a combining grapheme joiner', 'ad\u034Fmin', 'admin'],
    ['a variation selector', 'admin\uFE00', 'admin'],
  ])('%s › removed', (_, input, expected) => {
    expect(stripHiddenCharacters(input)).toBe(expected);
  });
});

describe('revealHiddenCharacters', () => {
  it.each([
    // Trojan Source (CVE-2021-42574): the comment seems to end before `if (isAdmin)`.
    [
      'bidirectional overrides and isolates',
      '/*\u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */',
      '/*<U+202E> } <U+2066>if (isAdmin)<U+2069> <U+2066> begin admins only */',
    ],
    ['the marks and the Arabic letter mark', '\u200Ex\u200F\u061C', '<U+200E>x<U+200F><U+061C>'],
    // CVE-2021-42694: `isAdmin` and `isAdm‍in` are different identifiers that look the same.
    [
      'a zero-width joiner inside an identifier',
      'if (isAdm\u200Din) grant();',
      'if (isAdm<U+200D>in) grant();',
    ],
    ['a zero-width space in a string', 'role === "admin\u200B"', 'role === "admin<U+200B>"'],
    [
      'a Hangul filler used as a variable name',
      'const { timeout, \u3164 } = req.query;',
      'const { timeout, <U+3164> } = req.query;',
    ],
    ['a tag character (invisible ASCII)', 'ok\u{E0069}', 'ok<U+E0069>'],
    ['a byte-order mark', '\uFEFFusing System;', '<U+FEFF>using System;'],
  ])('%s › escaped where it sits', (_, input, expected) => {
    expect(revealHiddenCharacters(input)).toBe(expected);
  });

  it.each([
    ['a zero-width joiner between emoji', 'const DEV = "👩\u200D💻";'],
    ['an emoji presentation selector', 'log("⚠\uFE0F retrying");'],
    ['a skin tone and a joiner', '"👋🏽\u200D👍"'],
    ['text without hidden characters', 'return a <U+202E> b; // written out, not hidden'],
  ])('%s › kept as it renders', (_, input) => {
    expect(revealHiddenCharacters(input)).toBe(input);
  });
});

describe('codeLinesForModel', () => {
  it('shows hidden characters and keeps one line per line', () => {
    expect(codeLinesForModel(['if (isAdmin\u200B) {', '  grant();', '}'])).toEqual([
      'if (isAdmin<U+200B>) {',
      '  grant();',
      '}',
    ]);
  });

  it('a secret split by a hidden character › still redacted; the line loses its hidden characters', () => {
    const token = ['ghp', '_', 'a1B2c3D4e5F6', '\u200B', 'a1B2c3D4e5F6'.repeat(2)].join('');
    const [line] = codeLinesForModel([`const token = "${token}";`]);
    expect(line).toContain('[redacted secret]');
    expect(line).not.toContain('a1B2c3D4e5F6');
    expect(line).not.toContain('<U+200B>');
  });
});
