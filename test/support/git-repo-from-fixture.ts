import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './fixtures.js';

/**
 * Turns `fixtures/repos/<name>/{base,head}` into a git repository with a `base` and a `head`
 * branch, so tests can read a fixture through git the way the CLI and the eval harness do.
 */
export function gitRepoFromFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sift-fixture-${name}-`));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-C', dir, '-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', ...args],
      { stdio: 'pipe' },
    );
  git('init', '-q', '-b', 'base');
  cpSync(join(FIXTURES, 'repos', name, 'base'), dir, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'head');
  for (const entry of readdirSync(dir)) if (entry !== '.git') rmSync(join(dir, entry), { recursive: true });
  cpSync(join(FIXTURES, 'repos', name, 'head'), dir, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  return dir;
}
