import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconstructBase } from '../../src/diff/reconstruct-base.js';
import type { DiffFile } from '../../src/diff/types.js';
import { gitDiffOf } from './git-diff.js';

// A real file to edit: picomatch's lib/utils.js (72 lines), as the pinned dependency ships it.
const require = createRequire(import.meta.url);
const UTILS = readFileSync(join(dirname(require.resolve('picomatch/package.json')), 'lib/utils.js'), 'utf8');

/** Applies literal replacements, failing loudly when one does not match (the fixture moved on). */
function edit(text: string, ...replacements: Array<[string, string]>): string {
  return replacements.reduce((result, [from, to]) => {
    if (!result.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} not in the text`);
    return result.replace(from, to);
  }, text);
}

function onlyFile(files: DiffFile[]): DiffFile {
  const [file] = files;
  if (!file || files.length !== 1) throw new Error(`expected one changed file, got ${files.length}`);
  return file;
}

const SEVERAL_HUNKS = edit(
  UTILS,
  [
    'exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);',
    "exports.hasRegexChars = str => typeof str === 'string' && REGEX_SPECIAL_CHARS.test(str);",
  ],
  [
    "    return platform === 'win32' || platform === 'windows';\n",
    "    return platform.startsWith('win');\n",
  ],
  [
    "  if (typeof process !== 'undefined' && process.platform) {\n    return process.platform === 'win32';\n  }\n\n",
    '',
  ],
  [
    "  const prepend = options.contains ? '' : '^';",
    "  const prepend = options.contains === true ? '' : '^';\n  // anchored unless asked to match anywhere",
  ],
);
const WITHOUT_FIRST_LINES = UTILS.split('\n').slice(2).join('\n');
const WITHOUT_BASENAME = UTILS.slice(0, UTILS.indexOf('exports.basename'));
const WITH_NEW_HELPER = edit(UTILS, [
  'exports.removePrefix',
  "exports.isDotfile = str => str.startsWith('.') && str !== '.' && str !== '..';\n\nexports.removePrefix",
]);

describe('reconstructBase', () => {
  it.each<{ name: string; head: string; args?: string[] }>([
    { name: 'a modified file with several hunks', head: SEVERAL_HUNKS },
    { name: 'several hunks without context lines (-U0)', head: SEVERAL_HUNKS, args: ['-U0'] },
    { name: 'lines deleted at the start of the file', head: WITHOUT_FIRST_LINES },
    { name: 'lines deleted at the start, without context (-U0)', head: WITHOUT_FIRST_LINES, args: ['-U0'] },
    { name: 'lines deleted at the end of the file', head: WITHOUT_BASENAME },
    { name: 'lines deleted at the end, without context (-U0)', head: WITHOUT_BASENAME, args: ['-U0'] },
    { name: 'lines only added, without context (-U0)', head: WITH_NEW_HELPER, args: ['-U0'] },
    {
      name: 'a change on the last line',
      head: UTILS.replace(/return last;\n};\n$/, 'return last || segs[0];\n};\n'),
    },
  ])('$name: the rebuilt base is the real base', ({ head, args = [] }) => {
    const file = onlyFile(gitDiffOf({ 'lib/utils.js': UTILS }, { 'lib/utils.js': head }, args));
    expect(file.status).toBe('modified');
    expect(reconstructBase(head, file)).toBe(UTILS);
  });

  // The diff model drops git's "\ No newline at end of file" marker, so whether the base ended with
  // a newline is not known when the head changed it; every line is still the base's.
  it('the final newline removed: the rebuilt base has the real lines', () => {
    const head = UTILS.replace(/\n$/, '');
    const file = onlyFile(gitDiffOf({ 'lib/utils.js': UTILS }, { 'lib/utils.js': head }));
    expect(reconstructBase(head, file)?.split('\n')).toEqual(UTILS.replace(/\n$/, '').split('\n'));
  });

  it('a file with Windows line endings: the rebuilt base keeps them', () => {
    const base = UTILS.replace(/\n/g, '\r\n');
    const head = SEVERAL_HUNKS.replace(/\n/g, '\r\n');
    const file = onlyFile(gitDiffOf({ 'lib/utils.js': base }, { 'lib/utils.js': head }));
    expect(reconstructBase(head, file)).toBe(base);
  });

  it('a renamed and edited file: the rebuilt base is the file under its old name', () => {
    const head = SEVERAL_HUNKS.replace("'use strict';", "'use strict';\n// moved from lib/utils.js");
    const file = onlyFile(
      gitDiffOf({ 'lib/utils.js': UTILS }, { 'lib/utils.js': null, 'lib/helpers.js': head }),
    );
    expect([file.status, file.previousPath]).toEqual(['renamed', 'lib/utils.js']);
    expect(reconstructBase(head, file)).toBe(UTILS);
  });

  it('an added file has an empty base', () => {
    const file = onlyFile(gitDiffOf({ 'README.md': '# picomatch\n' }, { 'lib/utils.js': UTILS }));
    expect(file.status).toBe('added');
    expect(reconstructBase(UTILS, file)).toBe('');
  });

  it('a removed file: the base is the removed text', () => {
    const file = onlyFile(
      gitDiffOf({ 'lib/utils.js': UTILS, 'README.md': '# picomatch\n' }, { 'lib/utils.js': null }),
    );
    expect(file.status).toBe('removed');
    expect(reconstructBase('', file)).toBe(UTILS);
  });

  describe('a patch that does not fit the head text', () => {
    const file = onlyFile(gitDiffOf({ 'lib/utils.js': UTILS }, { 'lib/utils.js': SEVERAL_HUNKS }));

    it.each([
      { name: 'the head of another change', head: WITHOUT_FIRST_LINES },
      { name: 'the base itself (the patch is stale)', head: UTILS },
      {
        name: 'a head cut short before the last hunk',
        head: SEVERAL_HUNKS.slice(0, SEVERAL_HUNKS.indexOf('exports.wrapOutput')),
      },
      { name: 'an empty head', head: '' },
    ])('$name: null, never a wrong base', ({ head }) => {
      expect(reconstructBase(head, file)).toBeNull();
    });
  });
});
