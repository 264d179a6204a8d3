import { describe, expect, it } from 'vitest';
import { parseHunks } from '../../src/diff/parse-hunks.js';
import type { DiffLine, Hunk } from '../../src/diff/types.js';
import { MalformedDiffError } from '../../src/errors.js';

/**
 * One diff line as a row that reads like the diff itself: kind, base line, head line, text.
 * `a · 16 |import "bufio"` is head line 16, added; `c 15 15 |package doc` a context line.
 */
function row(line: DiffLine): string {
  return `${line.kind[0]} ${line.oldLine ?? '·'} ${line.newLine ?? '·'} |${line.text}`;
}

function summarise(hunks: readonly Hunk[]) {
  return hunks.map(({ lines, ...header }) => ({ ...header, lines: lines.map(row) }));
}

const patch = (...rows: string[]) => rows.join('\n');

describe('parseHunks', () => {
  describe('with a well-formed patch', () => {
    it.each([
      {
        name: 'two hunks of a Go file › line numbers restart from each header, section kept',
        patch: patch(
          '@@ -15,6 +15,7 @@',
          ' package doc',
          ' ',
          ' import (',
          '+\t"bufio"',
          ' \t"bytes"',
          ' \t"fmt"',
          ' \t"io"',
          '@@ -144,7 +145,7 @@ func GenMarkdownTreeCustom(cmd *cobra.Command, dir string) error {',
          ' \tif err != nil {',
          ' \t\treturn err',
          ' \t}',
          '-\tdefer f.Close()',
          '+\tw := bufio.NewWriter(f)',
          ' ',
          ' \tif _, err := io.WriteString(w, filePrepender(filename)); err != nil {',
          ' \t\treturn err',
        ),
        expected: [
          {
            oldStart: 15,
            oldCount: 6,
            newStart: 15,
            newCount: 7,
            section: '',
            lines: [
              'c 15 15 |package doc',
              'c 16 16 |',
              'c 17 17 |import (',
              'a · 18 |\t"bufio"',
              'c 18 19 |\t"bytes"',
              'c 19 20 |\t"fmt"',
              'c 20 21 |\t"io"',
            ],
          },
          {
            oldStart: 144,
            oldCount: 7,
            newStart: 145,
            newCount: 7,
            section: 'func GenMarkdownTreeCustom(cmd *cobra.Command, dir string) error {',
            lines: [
              'c 144 145 |\tif err != nil {',
              'c 145 146 |\t\treturn err',
              'c 146 147 |\t}',
              'r 147 · |\tdefer f.Close()',
              'a · 148 |\tw := bufio.NewWriter(f)',
              'c 148 149 |',
              'c 149 150 |\tif _, err := io.WriteString(w, filePrepender(filename)); err != nil {',
              'c 150 151 |\t\treturn err',
            ],
          },
        ],
      },
      {
        name: '`@@ -1 +1 @@` (counts omitted) › each count is 1',
        patch: patch('@@ -1 +1 @@', '-{"lockfileVersion": 3}', '+{"lockfileVersion": 3, "packages": {}}'),
        expected: [
          {
            oldStart: 1,
            oldCount: 1,
            newStart: 1,
            newCount: 1,
            section: '',
            lines: ['r 1 · |{"lockfileVersion": 3}', 'a · 1 |{"lockfileVersion": 3, "packages": {}}'],
          },
        ],
      },
      {
        name: 'a new file `@@ -0,0 +1,3 @@` › only head lines, numbered from 1',
        patch: patch(
          '@@ -0,0 +1,3 @@',
          "+export const VERSION = '1.4.0';",
          '+',
          "+export const USER_AGENT = 'sift/' + VERSION;",
        ),
        expected: [
          {
            oldStart: 0,
            oldCount: 0,
            newStart: 1,
            newCount: 3,
            section: '',
            lines: [
              "a · 1 |export const VERSION = '1.4.0';",
              'a · 2 |',
              "a · 3 |export const USER_AGENT = 'sift/' + VERSION;",
            ],
          },
        ],
      },
      {
        name: 'a deleted file `@@ -1,2 +0,0 @@` › only base lines',
        patch: patch('@@ -1,2 +0,0 @@', '-# legacy', '-export const LEGACY_DISCOUNT = 0.1;'),
        expected: [
          {
            oldStart: 1,
            oldCount: 2,
            newStart: 0,
            newCount: 0,
            section: '',
            lines: ['r 1 · |# legacy', 'r 2 · |export const LEGACY_DISCOUNT = 0.1;'],
          },
        ],
      },
      {
        name: '`\\ No newline at end of file` on both sides › the marker is not a line',
        patch: patch(
          '@@ -1,2 +1,2 @@',
          ' MIT License',
          '-Copyright (c) 2023',
          '\\ No newline at end of file',
          '+Copyright (c) 2024',
          '\\ No newline at end of file',
        ),
        expected: [
          {
            oldStart: 1,
            oldCount: 2,
            newStart: 1,
            newCount: 2,
            section: '',
            lines: ['c 1 1 |MIT License', 'r 2 · |Copyright (c) 2023', 'a · 2 |Copyright (c) 2024'],
          },
        ],
      },
      {
        name: 'a change that only adds the trailing newline › the same text removed and added',
        patch: patch('@@ -1 +1 @@', '-node_modules/', '\\ No newline at end of file', '+node_modules/'),
        expected: [
          {
            oldStart: 1,
            oldCount: 1,
            newStart: 1,
            newCount: 1,
            section: '',
            lines: ['r 1 · |node_modules/', 'a · 1 |node_modules/'],
          },
        ],
      },
      {
        // An editor that trims trailing whitespace turns the " " of an empty context line into "".
        name: 'empty context lines whose leading space was stripped › still context lines',
        patch: patch(
          '@@ -10,5 +10,6 @@ def cookiejar_from_dict(cookie_dict, cookiejar=None):',
          '     if cookiejar is None:',
          '         cookiejar = RequestsCookieJar()',
          '',
          '+    # Keep the existing cookies unless asked to overwrite them.',
          '     if cookie_dict is not None:',
          '',
          '',
        ),
        expected: [
          {
            oldStart: 10,
            oldCount: 5,
            newStart: 10,
            newCount: 6,
            section: 'def cookiejar_from_dict(cookie_dict, cookiejar=None):',
            lines: [
              'c 10 10 |    if cookiejar is None:',
              'c 11 11 |        cookiejar = RequestsCookieJar()',
              'c 12 12 |',
              'a · 13 |    # Keep the existing cookies unless asked to overwrite them.',
              'c 13 14 |    if cookie_dict is not None:',
              'c 14 15 |',
            ],
          },
        ],
      },
      {
        name: 'a patch ending with a newline (as git prints it) › no extra line',
        patch: '@@ -3 +3 @@\n-retries = 3\n+retries = 5\n',
        expected: [
          {
            oldStart: 3,
            oldCount: 1,
            newStart: 3,
            newCount: 1,
            section: '',
            lines: ['r 3 · |retries = 3', 'a · 3 |retries = 5'],
          },
        ],
      },
      {
        name: 'text that looks like diff markers › taken verbatim after the first character',
        patch: patch('@@ -1,2 +1,2 @@', ' --- a/notes.md', '-+++ b/notes.md', '++@@ -1 +1 @@'),
        expected: [
          {
            oldStart: 1,
            oldCount: 2,
            newStart: 1,
            newCount: 2,
            section: '',
            lines: ['c 1 1 |--- a/notes.md', 'r 2 · |+++ b/notes.md', 'a · 2 |+@@ -1 +1 @@'],
          },
        ],
      },
    ])('$name', ({ patch, expected }) => {
      expect(summarise(parseHunks(patch, 'file'))).toEqual(expected);
    });

    it('an empty patch › no hunks', () => {
      expect(parseHunks('', 'empty.txt')).toEqual([]);
    });
  });

  describe('with a malformed patch', () => {
    it.each([
      {
        name: 'a header announcing more lines than the hunk holds',
        patch: patch('@@ -1,4 +1,4 @@', ' a', '-b', '+B'),
        message: /hunk @@ -1,4 \+1,4 @@ announces -4 \+4 lines but holds -2 \+2/,
      },
      {
        name: 'a header announcing more lines, followed by the next hunk',
        patch: patch('@@ -1,3 +1,3 @@', ' a', '-b', '+B', '@@ -9 +9 @@', '-x', '+y'),
        message: /unexpected line "@@ -9 \+9 @@" inside hunk @@ -1,3 \+1,3 @@/,
      },
      {
        name: 'a header announcing fewer lines than the hunk holds',
        patch: patch('@@ -1 +1 @@', '-b', '+B', ' c'),
        message: /expected a hunk header at patch line 4, found " c"/,
      },
      {
        name: 'garbage before the first header',
        patch: patch('index 3f2a1b0..9c8d7e6 100644', '@@ -1 +1 @@', '-a', '+b'),
        message: /expected a hunk header at patch line 1, found "index 3f2a1b0\.\.9c8d7e6 100644"/,
      },
      {
        name: 'a line without a diff marker inside a hunk',
        patch: patch('@@ -1,2 +1,2 @@', ' a', 'b', '+c'),
        message: /unexpected line "b" inside hunk @@ -1,2 \+1,2 @@/,
      },
      {
        name: 'a header without line numbers',
        patch: patch('@@ @@', '-a', '+b'),
        message: /expected a hunk header at patch line 1, found "@@ @@"/,
      },
    ])('$name › throws MalformedDiffError naming the file', ({ patch, message }) => {
      const parse = () => parseHunks(patch, 'src/stock.ts');
      expect(parse).toThrow(MalformedDiffError);
      expect(parse).toThrow(message);
      expect(parse).toThrow(/the diff of src\/stock\.ts cannot be parsed/);
    });
  });
});
