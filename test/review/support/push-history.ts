import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseUnifiedDiff } from '../../../src/diff/parse-unified-diff.js';
import type { DiffFile } from '../../../src/diff/types.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** File contents by path; null deletes the file. */
export type Change = Readonly<Record<string, string | Uint8Array | null>>;

export interface PushHistory {
  /** The pull request's diff as GitHub lists it: merge base of `main` and the branch, to the head. */
  readonly pullFiles: DiffFile[];
  /** What changed from the reviewed commit to the head, as the compare endpoint lists it. */
  readonly newFiles: DiffFile[];
  /** The commit Sift reviewed. */
  readonly reviewed: string;
  readonly head: string;
}

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

function write(root: string, files: Change): void {
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

function commit(dir: string, files: Change, message: string): string {
  write(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/**
 * A pull request's branch with real commits: `base` on `main`, the branch's first commits
 * (`reviewed`, the head Sift reviewed), optionally more work on `main` merged into the branch,
 * then the `push`. Returns both diffs Sift would get from GitHub for the push.
 */
export function pushAfterReview(history: {
  base: Change;
  reviewed: Change;
  baseMerge?: Change;
  push: Change;
}): PushHistory {
  const dir = makeTempDir('sift-push-');
  try {
    git(dir, 'init', '-q');
    commit(dir, history.base, 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    const reviewed = commit(dir, history.reviewed, 'reviewed');
    if (history.baseMerge) {
      git(dir, 'checkout', '-q', 'main');
      commit(dir, history.baseMerge, 'more work on main');
      git(dir, 'checkout', '-q', 'feature');
      git(dir, 'merge', '-q', '--no-edit', 'main');
    }
    const head = commit(dir, history.push, 'push');
    return {
      pullFiles: parseUnifiedDiff(git(dir, 'diff', '-M', 'main...feature')),
      newFiles: parseUnifiedDiff(git(dir, 'diff', '-M', `${reviewed}...${head}`)),
      reviewed,
      head,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
