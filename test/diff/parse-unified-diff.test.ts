import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import type { DiffFile, DiffLine } from '../../src/diff/types.js';
import { MalformedDiffError } from '../../src/errors.js';
import { makeTempDir } from '../support/temp-dir.js';

/** File contents by path; in `head`, null deletes the file. */
type Tree = Readonly<Record<string, string | Uint8Array>>;
type Change = Readonly<Record<string, string | Uint8Array | null>>;

interface Commits {
  readonly base: Tree;
  readonly head: Change;
  /** Paths made executable in the head commit. */
  readonly chmodX?: readonly string[];
  /** Paths renamed (with `git mv`) in the head commit, before `head` is written. */
  readonly moves?: Readonly<Record<string, string>>;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs git with none of the user's or the machine's settings, so its output is git's default. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'core.quotepath=true',
      '-c',
      'user.name=Sift Tests',
      '-c',
      'user.email=sift@example.com',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'init.defaultBranch=main',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    },
  );
}

function writeTree(root: string, files: Change): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    if (content === null) {
      rmSync(target);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Commits `base`, then the change, in a fresh repository; returns the repository folder. */
function commitBoth({ base, head, chmodX = [], moves = {} }: Commits): string {
  const dir = makeTempDir('sift-diff-');
  tempDirs.push(dir);
  git(dir, 'init', '-q');
  writeTree(dir, base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'branch', 'base');
  for (const [from, to] of Object.entries(moves)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    git(dir, 'mv', from, to);
  }
  writeTree(dir, head);
  for (const path of chmodX) chmodSync(join(dir, path), 0o755);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'head');
  return dir;
}

/** `git diff -M base head` of two real commits. */
function gitDiff(commits: Commits): string {
  return git(commitBoth(commits), 'diff', '-M', 'base', 'HEAD');
}

function row(line: DiffLine): string {
  return `${line.kind[0]} ${line.oldLine ?? '·'} ${line.newLine ?? '·'} |${line.text}`;
}

function summarise(file: DiffFile) {
  return {
    path: file.path,
    previousPath: file.previousPath,
    status: file.status,
    patchState: file.patchState,
    additions: file.additions,
    deletions: file.deletions,
    hunks: file.hunks.map(
      (hunk) =>
        `-${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount}: ${hunk.lines.map(row).join(' / ')}`,
    ),
  };
}

function onlyFile(diff: string): DiffFile {
  const files = parseUnifiedDiff(diff);
  expect(files).toHaveLength(1);
  const [file] = files;
  if (!file) throw new Error('no file parsed');
  return file;
}

const STOCK_BASE = [
  "import type { Item } from './item.js';",
  '',
  '/** Takes `count` units of an item out of stock; false when there are not enough. */',
  'export function reserve(stock: Map<string, number>, id: string, count: number): boolean {',
  '  const available = stock.get(id) ?? 0;',
  '  if (available < count) return false;',
  '  stock.set(id, available - count);',
  '  return true;',
  '}',
  '',
].join('\n');

/** Twenty distinct lines, so git's rename detection pairs files by content and not by accident. */
const README =
  Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1} of the inventory guide.`).join('\n') + '\n';

/** The first bytes of a PNG: the NUL bytes make git treat the file as binary. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49]);
const PNG_EDITED = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x52,
]);

describe('parseUnifiedDiff', () => {
  describe('with one file changed between two real commits', () => {
    it.each<{ name: string; commits: Commits; expected: ReturnType<typeof summarise> }>([
      {
        name: 'a modified file › modified, with hunk line numbers of both versions',
        commits: {
          base: { 'src/stock.ts': STOCK_BASE },
          head: { 'src/stock.ts': STOCK_BASE.replace('available < count', 'available <= count') },
        },
        expected: {
          path: 'src/stock.ts',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          additions: 1,
          deletions: 1,
          hunks: [
            '-3,7 +3,7: c 3 3 |/** Takes `count` units of an item out of stock; false when there are not enough. */' +
              ' / c 4 4 |export function reserve(stock: Map<string, number>, id: string, count: number): boolean {' +
              ' / c 5 5 |  const available = stock.get(id) ?? 0;' +
              ' / r 6 · |  if (available < count) return false;' +
              ' / a · 6 |  if (available <= count) return false;' +
              ' / c 7 7 |  stock.set(id, available - count);' +
              ' / c 8 8 |  return true;' +
              ' / c 9 9 |}',
          ],
        },
      },
      {
        name: 'an added file › added, head lines only',
        commits: {
          base: { 'README.md': README },
          head: { 'src/version.ts': "export const VERSION = '1.4.0';\n" },
        },
        expected: {
          path: 'src/version.ts',
          previousPath: null,
          status: 'added',
          patchState: 'present',
          additions: 1,
          deletions: 0,
          hunks: ["-0,0 +1,1: a · 1 |export const VERSION = '1.4.0';"],
        },
      },
      {
        name: 'a deleted file › removed, base lines only',
        commits: {
          base: {
            'README.md': README,
            'src/legacy.ts': '// Kept for v1 clients.\nexport const LEGACY_DISCOUNT = 0.1;\n',
          },
          head: { 'src/legacy.ts': null },
        },
        expected: {
          path: 'src/legacy.ts',
          previousPath: null,
          status: 'removed',
          patchState: 'present',
          additions: 0,
          deletions: 2,
          hunks: ['-1,2 +0,0: r 1 · |// Kept for v1 clients. / r 2 · |export const LEGACY_DISCOUNT = 0.1;'],
        },
      },
      {
        name: 'an empty file added › added, no content change',
        commits: { base: { 'README.md': README }, head: { 'src/py.typed': '' } },
        expected: {
          path: 'src/py.typed',
          previousPath: null,
          status: 'added',
          patchState: 'no-content-change',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'a rename without edits (similarity 100%) › renamed, previous path kept, no hunks',
        commits: {
          base: { 'docs/README.md': README },
          head: {},
          moves: { 'docs/README.md': 'docs/index.md' },
        },
        expected: {
          path: 'docs/index.md',
          previousPath: 'docs/README.md',
          status: 'renamed',
          patchState: 'no-content-change',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'a rename with edits › renamed, hunks numbered in the old and the new file',
        commits: {
          base: { 'docs/README.md': README },
          head: { 'guide/index.md': README.replace('Paragraph 10 of', 'Paragraph ten of') },
          moves: { 'docs/README.md': 'guide/index.md' },
        },
        expected: {
          path: 'guide/index.md',
          previousPath: 'docs/README.md',
          status: 'renamed',
          patchState: 'present',
          additions: 1,
          deletions: 1,
          hunks: [
            '-7,7 +7,7: c 7 7 |Paragraph 7 of the inventory guide.' +
              ' / c 8 8 |Paragraph 8 of the inventory guide.' +
              ' / c 9 9 |Paragraph 9 of the inventory guide.' +
              ' / r 10 · |Paragraph 10 of the inventory guide.' +
              ' / a · 10 |Paragraph ten of the inventory guide.' +
              ' / c 11 11 |Paragraph 11 of the inventory guide.' +
              ' / c 12 12 |Paragraph 12 of the inventory guide.' +
              ' / c 13 13 |Paragraph 13 of the inventory guide.',
          ],
        },
      },
      {
        name: 'a modified binary file › binary, no hunks',
        commits: { base: { 'assets/logo.png': PNG }, head: { 'assets/logo.png': PNG_EDITED } },
        expected: {
          path: 'assets/logo.png',
          previousPath: null,
          status: 'modified',
          patchState: 'binary',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'an added binary file › added and binary',
        commits: { base: { 'README.md': README }, head: { 'assets/icon.ico': PNG } },
        expected: {
          path: 'assets/icon.ico',
          previousPath: null,
          status: 'added',
          patchState: 'binary',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'a mode change only (chmod +x) › changed, no content change',
        commits: {
          base: { 'scripts/release.sh': '#!/bin/sh\nnpm publish\n' },
          head: {},
          chmodX: ['scripts/release.sh'],
        },
        expected: {
          path: 'scripts/release.sh',
          previousPath: null,
          status: 'changed',
          patchState: 'no-content-change',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'a mode change with an edit › modified, with its hunk',
        commits: {
          base: { 'scripts/release.sh': '#!/bin/sh\nnpm publish\n' },
          head: { 'scripts/release.sh': '#!/bin/sh\nset -e\nnpm publish\n' },
          chmodX: ['scripts/release.sh'],
        },
        expected: {
          path: 'scripts/release.sh',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          additions: 1,
          deletions: 0,
          hunks: ['-1,2 +1,3: c 1 1 |#!/bin/sh / a · 2 |set -e / c 2 3 |npm publish'],
        },
      },
      {
        name: 'a file without a trailing newline › the last line compared without the marker',
        commits: {
          base: { LICENSE: 'MIT License\nCopyright (c) 2023' },
          head: { LICENSE: 'MIT License\nCopyright (c) 2024' },
        },
        expected: {
          path: 'LICENSE',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          additions: 1,
          deletions: 1,
          hunks: ['-1,2 +1,2: c 1 1 |MIT License / r 2 · |Copyright (c) 2023 / a · 2 |Copyright (c) 2024'],
        },
      },
      {
        name: 'a trailing newline added › the same line removed and added',
        commits: { base: { '.gitignore': 'node_modules/' }, head: { '.gitignore': 'node_modules/\n' } },
        expected: {
          path: '.gitignore',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          additions: 1,
          deletions: 1,
          hunks: ['-1,1 +1,1: r 1 · |node_modules/ / a · 1 |node_modules/'],
        },
      },
      {
        name: 'a path with spaces (git ends the ---/+++ names with a tab) › the path without the tab',
        commits: {
          base: { 'docs/release notes.md': '# 1.3\n' },
          head: { 'docs/release notes.md': '# 1.4\n' },
        },
        expected: {
          path: 'docs/release notes.md',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          additions: 1,
          deletions: 1,
          hunks: ['-1,1 +1,1: r 1 · |# 1.3 / a · 1 |# 1.4'],
        },
      },
      {
        name: 'a path with non-ASCII characters (git quotes it with octal escapes) › the path decoded',
        commits: { base: { 'docs/spécial.txt': 'été\n' }, head: { 'docs/spécial.txt': 'été\nhiver\n' } },
        expected: {
          path: 'docs/spécial.txt',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          additions: 1,
          deletions: 0,
          hunks: ['-1,1 +1,2: c 1 1 |été / a · 2 |hiver'],
        },
      },
      {
        name: 'a path with double quotes and a backslash › the path unescaped',
        commits: { base: { 'docs/say "hi"\\now.md': 'a\n' }, head: { 'docs/say "hi"\\now.md': 'b\n' } },
        expected: {
          path: 'docs/say "hi"\\now.md',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          additions: 1,
          deletions: 1,
          hunks: ['-1,1 +1,1: r 1 · |a / a · 1 |b'],
        },
      },
      {
        name: 'a mode change only on a non-ASCII path (the name is only in the quoted headline) › the path decoded',
        commits: { base: { 'bin/déployer.sh': '#!/bin/sh\n' }, head: {}, chmodX: ['bin/déployer.sh'] },
        expected: {
          path: 'bin/déployer.sh',
          previousPath: null,
          status: 'changed',
          patchState: 'no-content-change',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'a mode change only on a path with spaces (the name is only in the headline) › the path',
        commits: { base: { 'bin/build all.sh': '#!/bin/sh\n' }, head: {}, chmodX: ['bin/build all.sh'] },
        expected: {
          path: 'bin/build all.sh',
          previousPath: null,
          status: 'changed',
          patchState: 'no-content-change',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'a rename without edits to a non-ASCII path with spaces › both paths decoded',
        commits: {
          base: { 'docs/README.md': README },
          head: {},
          moves: { 'docs/README.md': 'docs/à lire.md' },
        },
        expected: {
          path: 'docs/à lire.md',
          previousPath: 'docs/README.md',
          status: 'renamed',
          patchState: 'no-content-change',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
      {
        name: 'a deleted binary file with a non-ASCII name › removed and binary, path decoded',
        commits: { base: { 'README.md': README, 'assets/café.png': PNG }, head: { 'assets/café.png': null } },
        expected: {
          path: 'assets/café.png',
          previousPath: null,
          status: 'removed',
          patchState: 'binary',
          additions: 0,
          deletions: 0,
          hunks: [],
        },
      },
    ])('$name', ({ commits, expected }) => {
      expect(summarise(onlyFile(gitDiff(commits)))).toEqual(expected);
    });
  });

  describe('with several files in one diff', () => {
    it('returns one entry per file, in the order git prints them', () => {
      const diff = gitDiff({
        base: {
          'assets/logo.png': PNG,
          'docs/README.md': README,
          'scripts/release.sh': '#!/bin/sh\nnpm publish\n',
          'src/legacy.ts': 'export const LEGACY_DISCOUNT = 0.1;\n',
          'src/stock.ts': STOCK_BASE,
        },
        head: {
          'assets/logo.png': PNG_EDITED,
          'src/legacy.ts': null,
          'src/stock.ts': STOCK_BASE.replace('available < count', 'available <= count'),
          'src/format/price.ts': 'export const formatPrice = (cents: number) => `$${cents / 100}`;\n',
        },
        moves: { 'docs/README.md': 'docs/index.md' },
        chmodX: ['scripts/release.sh'],
      });
      expect(
        parseUnifiedDiff(diff).map((file) => [file.path, file.previousPath, file.status, file.patchState]),
      ).toEqual([
        ['assets/logo.png', null, 'modified', 'binary'],
        ['docs/index.md', 'docs/README.md', 'renamed', 'no-content-change'],
        ['scripts/release.sh', null, 'changed', 'no-content-change'],
        ['src/format/price.ts', null, 'added', 'present'],
        ['src/legacy.ts', null, 'removed', 'present'],
        ['src/stock.ts', null, 'modified', 'present'],
      ]);
    });

    it('a diff printed by `git show` (commit header first) › the header is not a file', () => {
      const dir = commitBoth({
        base: { 'src/stock.ts': STOCK_BASE },
        head: { 'src/stock.ts': STOCK_BASE.replace('available < count', 'available <= count') },
      });
      const shown = git(dir, 'show', 'HEAD');
      expect(shown).toMatch(/^commit [0-9a-f]{40}\nAuthor: Sift Tests/);
      expect(parseUnifiedDiff(shown).map((file) => [file.path, file.additions, file.deletions])).toEqual([
        ['src/stock.ts', 1, 1],
      ]);
    });

    it('an empty diff › no files', () => {
      expect(parseUnifiedDiff('')).toEqual([]);
    });
  });

  describe('with a broken diff', () => {
    it('a hunk cut short › throws MalformedDiffError naming the file', () => {
      const diff = [
        'diff --git a/src/stock.ts b/src/stock.ts',
        'index 3f2a1b0..9c8d7e6 100644',
        '--- a/src/stock.ts',
        '+++ b/src/stock.ts',
        '@@ -4,3 +4,3 @@ export function reserve(stock: Map<string, number>, id: string, count: number): boolean {',
        '   const available = stock.get(id) ?? 0;',
        '-  if (available < count) return false;',
        '',
      ].join('\n');
      expect(() => parseUnifiedDiff(diff)).toThrow(MalformedDiffError);
      expect(() => parseUnifiedDiff(diff)).toThrow(/the diff of src\/stock\.ts cannot be parsed/);
    });
  });
});
