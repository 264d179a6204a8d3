import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLineMap, hunkOfLine, type LineMap } from '../../src/diff/build-line-map.js';
import { parseHunks } from '../../src/diff/parse-hunks.js';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import type { DiffFile, Hunk, Side } from '../../src/diff/types.js';
import { makeTempDir } from '../support/temp-dir.js';

function fileFromPatch(patch: string, overrides: Partial<DiffFile> = {}): DiffFile {
  return {
    path: 'src/stock.ts',
    previousPath: null,
    status: 'modified',
    patchState: 'present',
    hunks: parseHunks(patch, 'src/stock.ts'),
    additions: 0,
    deletions: 0,
    ...overrides,
  };
}

const entries = (map: ReadonlyMap<number, number>) => [...map.entries()].sort(([a], [b]) => a - b);

/** Two hunks of one file: a changed condition near the top, a removed function further down. */
const STOCK_PATCH = [
  "@@ -3,6 +3,6 @@ import type { Item } from './item.js';",
  ' /** Takes `count` units of an item out of stock; false when there are not enough. */',
  ' export function reserve(stock: Map<string, number>, id: string, count: number): boolean {',
  '   const available = stock.get(id) ?? 0;',
  '-  if (available < count) return false;',
  '+  if (available <= count) return false;',
  '   stock.set(id, available - count);',
  '   return true;',
  '@@ -20,7 +20,3 @@ export function totalValue(items: Item[], stock: Map<string, number>): number {',
  ' }',
  ' ',
  '-/** Puts units back, for example when an order is cancelled. */',
  '-export function release(stock: Map<string, number>, id: string, count: number): void {',
  '-  stock.set(id, (stock.get(id) ?? 0) + count);',
  '-}',
  ' export const VERSION = 2;',
].join('\n');

describe('buildLineMap', () => {
  it('a modified file with two hunks › RIGHT holds added and context lines, LEFT removed and context lines, each with its hunk', () => {
    const map = buildLineMap(fileFromPatch(STOCK_PATCH));
    expect(entries(map.right)).toEqual([
      [3, 0],
      [4, 0],
      [5, 0],
      [6, 0],
      [7, 0],
      [8, 0],
      [20, 1],
      [21, 1],
      [22, 1],
    ]);
    expect(entries(map.left)).toEqual([
      [3, 0],
      [4, 0],
      [5, 0],
      [6, 0],
      [7, 0],
      [8, 0],
      [20, 1],
      [21, 1],
      [22, 1],
      [23, 1],
      [24, 1],
      [25, 1],
      [26, 1],
    ]);
  });

  it('an added file › only RIGHT lines', () => {
    const map = buildLineMap(fileFromPatch('@@ -0,0 +1,2 @@\n+a\n+b', { status: 'added' }));
    expect(entries(map.right)).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(map.left.size).toBe(0);
  });

  it('a deleted file › only LEFT lines', () => {
    const map = buildLineMap(fileFromPatch('@@ -1,2 +0,0 @@\n-a\n-b', { status: 'removed' }));
    expect(map.right.size).toBe(0);
    expect(entries(map.left)).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('a file without hunks (binary, rename without edits) › nothing is commentable', () => {
    const map = buildLineMap(fileFromPatch('', { patchState: 'binary' }));
    expect([map.right.size, map.left.size]).toEqual([0, 0]);
  });
});

describe('hunkOfLine', () => {
  const map = buildLineMap(fileFromPatch(STOCK_PATCH));
  it.each<{ name: string; side: Side; line: number; hunk: number | undefined }>([
    { name: 'an added line', side: 'RIGHT', line: 6, hunk: 0 },
    { name: 'a context line on the head side', side: 'RIGHT', line: 22, hunk: 1 },
    { name: 'a context line on the base side', side: 'LEFT', line: 26, hunk: 1 },
    { name: 'a removed line', side: 'LEFT', line: 24, hunk: 1 },
    {
      name: 'a removed line asked for on the head side (no such head line in the diff)',
      side: 'RIGHT',
      line: 24,
      hunk: undefined,
    },
    { name: 'the line just above the first hunk', side: 'RIGHT', line: 2, hunk: undefined },
    { name: 'a line between the hunks', side: 'RIGHT', line: 12, hunk: undefined },
    { name: 'a line between the hunks on the base side', side: 'LEFT', line: 19, hunk: undefined },
    { name: 'the line just below the last hunk', side: 'LEFT', line: 27, hunk: undefined },
    { name: 'line 0', side: 'RIGHT', line: 0, hunk: undefined },
  ])('$name ($side $line) › $hunk', ({ side, line, hunk }) => {
    expect(hunkOfLine(map, side, line)).toBe(hunk);
  });
});

// The labelled cases live beside the project (../shared/eval); a fresh clone of Sift has none.
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const EVAL_DIR = resolve(REPO_ROOT, '../shared/eval');
const EVAL_CASES = existsSync(EVAL_DIR)
  ? readdirSync(EVAL_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(EVAL_DIR, entry.name, 'pr.diff')))
      .map((entry) => entry.name)
      .sort()
  : [];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=true', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The lines of a file at a revision, numbered from 1 as GitHub numbers them (index 0 unused). */
function linesAt(repo: string, revision: string, path: string): readonly string[] {
  const text = git(repo, 'show', `${revision}:${path}`);
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return ['', ...lines];
}

/** Every line number inside the ranges [start, start + count) of the hunks on one side. */
function hunkRanges(hunks: readonly Hunk[], side: Side): number[] {
  const numbers = new Set<number>();
  for (const hunk of hunks) {
    const [start, count] = side === 'RIGHT' ? [hunk.newStart, hunk.newCount] : [hunk.oldStart, hunk.oldCount];
    for (let line = start; line < start + count; line += 1) numbers.add(line);
  }
  return [...numbers].sort((a, b) => a - b);
}

/** Each commentable line with the text the diff shows for it, found through the hunk the map names. */
function commentableText(file: DiffFile, map: LineMap, side: Side): [number, string | undefined][] {
  const lines = side === 'RIGHT' ? map.right : map.left;
  return [...lines.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, hunkIndex]) => [
      number,
      file.hunks[hunkIndex]?.lines.find((line) => (side === 'RIGHT' ? line.newLine : line.oldLine) === number)
        ?.text,
    ]);
}

describe.runIf(existsSync(EVAL_DIR))('buildLineMap on the real diffs of ../shared/eval', () => {
  it('finds at least 20 cases to check', () => {
    expect(EVAL_CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(EVAL_CASES)(
    '%s › every line GitHub accepts a comment on is commentable, with its text in that version, and no other',
    (id) => {
      const caseDir = join(EVAL_DIR, id);
      const repo = makeTempDir('sift-eval-');
      try {
        git(tmpdir(), 'clone', '-q', join(caseDir, 'repo.bundle'), repo);
        const files = parseUnifiedDiff(readFileSync(join(caseDir, 'pr.diff'), 'utf8'));
        const changed = git(repo, 'diff', '--name-only', '-z', 'origin/base', 'origin/head')
          .split('\0')
          .filter(Boolean);
        expect(files.map((file) => file.path).sort()).toEqual(changed.sort());

        for (const file of files) {
          const head = file.status === 'removed' ? [''] : linesAt(repo, 'origin/head', file.path);
          const base =
            file.status === 'added' ? [''] : linesAt(repo, 'origin/base', file.previousPath ?? file.path);
          const map = buildLineMap(file);
          const right = hunkRanges(file.hunks, 'RIGHT');
          const left = hunkRanges(file.hunks, 'LEFT');

          expect(
            [...map.right.keys()].sort((a, b) => a - b),
            `${file.path} RIGHT lines`,
          ).toEqual(right);
          expect(
            [...map.left.keys()].sort((a, b) => a - b),
            `${file.path} LEFT lines`,
          ).toEqual(left);
          expect(commentableText(file, map, 'RIGHT'), `${file.path} RIGHT text`).toEqual(
            right.map((line) => [line, head[line]]),
          );
          expect(commentableText(file, map, 'LEFT'), `${file.path} LEFT text`).toEqual(
            left.map((line) => [line, base[line]]),
          );

          const outsideRight = head
            .map((_, line) => line)
            .filter((line) => line > 0 && !right.includes(line));
          const outsideLeft = base.map((_, line) => line).filter((line) => line > 0 && !left.includes(line));
          expect(outsideRight.length + right.length, `${file.path} head line count`).toBe(head.length - 1);
          expect(outsideRight.filter((line) => hunkOfLine(map, 'RIGHT', line) !== undefined)).toEqual([]);
          expect(outsideLeft.filter((line) => hunkOfLine(map, 'LEFT', line) !== undefined)).toEqual([]);
        }
      } finally {
        rmSync(repo, { recursive: true, force: true });
      }
    },
  );
});
