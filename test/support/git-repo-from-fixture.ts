import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures.js';
import { makeTempDir } from './temp-dir.js';

/**
 * The project's own sample repositories, each the base and head of a pull request. They are the
 * dev cases of the eval harness too, so one copy of the code serves both.
 */
export const FIXTURE_REPOSITORIES = {
  /** A stock module: a stricter `reserve`, a renamed file, a deletion, a binary and a lockfile. */
  inventory: join(FIXTURES, 'eval', 'typescript__inventory__reserve-last-unit'),
  /** Pricing helpers whose `applyDiscount` takes its arguments in a new order; callers elsewhere. */
  checkout: join(FIXTURES, 'eval', 'typescript__checkout__discount-argument-order'),
} as const;

/** Turns a fixture repository into a git repository with a `base` and a `head` branch. */
export function gitRepoFromFixture(name: keyof typeof FIXTURE_REPOSITORIES): string {
  const source = FIXTURE_REPOSITORIES[name];
  const dir = makeTempDir(`sift-fixture-${name}-`);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-C', dir, '-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', ...args],
      { stdio: 'pipe' },
    );
  git('init', '-q', '-b', 'base');
  cpSync(join(source, 'base'), dir, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'head');
  for (const entry of readdirSync(dir)) if (entry !== '.git') rmSync(join(dir, entry), { recursive: true });
  cpSync(join(source, 'head'), dir, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  return dir;
}

/** Runs git in a work tree as the pull request's developer, with an identity of its own. */
export function gitAsDeveloper(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args],
    { encoding: 'utf8' },
  );
}

/** Edits one file of the work tree and commits the edit on the current branch. */
export function commitEdit(dir: string, path: string, edit: (text: string) => string, message: string): void {
  writeFileSync(join(dir, path), edit(readFileSync(join(dir, path), 'utf8')));
  gitAsDeveloper(dir, 'commit', '-qam', message);
}
