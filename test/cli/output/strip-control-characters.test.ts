import { describe, expect, it } from 'vitest';
import { stripControlCharacters } from '../../../src/cli/output/strip-control-characters.js';

describe('stripControlCharacters', () => {
  it.each([
    ['plain text', 'reserve() refuses the last unit', 'reserve() refuses the last unit'],
    ['line breaks and tabs', 'one\n\ttwo', 'one\n\ttwo'],
    ['a Windows line break', 'one\r\ntwo', 'one\ntwo'],
    ['clear screen and cursor home (CSI)', '\u001b[2J\u001b[Hhello', 'hello'],
    ['colours and hidden text (SGR)', '\u001b[8msecret\u001b[0m \u001b[38;5;196mred\u001b[m', 'secret red'],
    ['cursor up and erase line, to overwrite earlier output', 'ok\u001b[1A\u001b[2K', 'ok'],
    ['a window title (OSC, ended by BEL)', '\u001b]0;pwned\u0007title', 'title'],
    [
      'a hyperlink (OSC 8, ended by ST)',
      '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\',
      'click',
    ],
    ['a clipboard write (OSC 52)', '\u001b]52;c;cm0gLXJmIH4=\u0007done', 'done'],
    ['a device control string (DCS)', '\u001bPq#0;2;0;0;0\u001b\\after', 'after'],
    ['a terminal reset (ESC c)', '\u001bcreset', 'reset'],
    ['a charset switch (ESC ( 0)', '\u001b(0lqk\u001b(B', 'lqk'],
    ['an 8-bit CSI', '\u009b2Jgone', 'gone'],
    ['a carriage return that would overwrite the line', 'rm -rf /\rsafe', 'rm -rf /safe'],
    ['backspaces, bell, NUL and DEL', 'a\u0008b\u0007c\u0000d\u007f', 'abcd'],
    ['bidirectional overrides (Trojan Source)', 'if (\u202eisAdmin\u202c) \u2066x\u2069', 'if (isAdmin) x'],
    ['a lone ESC at the end', 'text\u001b', 'text'],
    ['non-ASCII text', 'naïve café — ✓ 日本語', 'naïve café — ✓ 日本語'],
  ])('%s', (_, input, expected) => {
    expect(stripControlCharacters(input)).toBe(expected);
  });
});
