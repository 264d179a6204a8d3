import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalGitRepository } from '../../src/repository/local-git-repository.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A git repository with one commit of `files`; answers its directory and the commit id. */
function commitFiles(files: Record<string, string>): { directory: string; commit: string } {
  const directory = makeTempDir('sift-local-git-');
  const git = (...args: string[]) =>
    execFileSync('git', [
      '-C',
      directory,
      '-c',
      'user.name=Sift',
      '-c',
      'user.email=sift@example.com',
      ...args,
    ])
      .toString()
      .trim();
  git('init', '-q');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return { directory, commit: git('rev-parse', 'HEAD') };
}

const FILES = {
  'src/index.ts': "export { reserve } from './stock.js';\n",
  'src/stock.ts': 'export function reserve() {\n  return true;\n}\n',
  'README.md': '# Inventory\n',
};

describe('createLocalGitRepository', () => {
  it('reads every text file of the commit', async () => {
    const { directory, commit } = commitFiles(FILES);
    const snapshot = await createLocalGitRepository(directory).snapshot(commit);
    expect([...snapshot.files.keys()].sort()).toEqual(['README.md', 'src/index.ts', 'src/stock.ts']);
    expect(await snapshot.read('src/stock.ts')).toBe(FILES['src/stock.ts']);
  });

  it.each([
    { name: 'more files than maxFiles', limits: { maxFiles: 2 }, message: 'holds more than 2 files' },
    {
      name: 'more text than maxUnpackedBytes',
      limits: { maxUnpackedBytes: 64 },
      message: 'text files add up to more than 64 bytes',
    },
  ])('a checkout with $name › fails before reading a blob, naming the cap', async ({ limits, message }) => {
    const { directory, commit } = commitFiles(FILES);
    await expect(createLocalGitRepository(directory, { limits }).snapshot(commit)).rejects.toThrow(message);
  });
});
