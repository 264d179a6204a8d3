import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import type { DiffFile } from '../../src/diff/types.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Runs git with none of the user's or the machine's settings, so its output is git's default. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Sift Tests',
      '-c',
      'user.email=sift@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    },
  );
}

function write(root: string, files: Readonly<Record<string, string | null>>): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path);
    if (text === null) {
      rmSync(target);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * What `git diff -M` says between two versions of a repository, parsed: `base` is every file of the
 * first commit, `head` the files the second commit writes (null deletes one). `args` go to git
 * diff, e.g. `-U0` for hunks without context.
 */
export function gitDiffOf(
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string | null>>,
  args: readonly string[] = [],
): DiffFile[] {
  const dir = makeTempDir('sift-diff-');
  try {
    git(dir, 'init', '-q');
    write(dir, base);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'base');
    const baseCommit = git(dir, 'rev-parse', 'HEAD').trim();
    write(dir, head);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'head');
    return parseUnifiedDiff(git(dir, 'diff', '-M', ...args, baseCommit, 'HEAD'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
