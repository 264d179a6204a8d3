import { describe, expect, it } from 'vitest';
import { type GitHubChangedFile, parseGitHubFile } from '../../../src/diff/parse-github-file.js';
import { keepMatchingPaths } from '../../../src/review/select-files/keep-matching-paths.js';
import { jsonFixture } from '../../support/fixtures.js';

/** The inventory pull request's files as GitHub lists them: a binary, two renames, a lockfile, a deletion. */
const PULL_FILES = jsonFixture<GitHubChangedFile[]>('github/inventory/pulls.listFiles.json').map(
  parseGitHubFile,
);

describe('keepMatchingPaths', () => {
  it.each<[string, string, string[]]>([
    ['a recursive glob', 'src/**/*.ts', ['src/format/price.ts', 'src/legacy.ts', 'src/stock.ts']],
    ['a single file', 'src/stock.ts', ['src/stock.ts']],
    ['a folder with a trailing slash', 'docs/', ['docs/index.md']],
    ['a folder glob', 'src/format/**', ['src/format/price.ts']],
    ['the old path of a renamed file', 'src/util/**', ['src/format/price.ts']],
    ['a brace set', '{assets,docs}/**', ['assets/logo.png', 'docs/index.md']],
    ['an extension at the root', '*.json', ['package-lock.json']],
    ['a glob nothing matches', 'lib/**', []],
  ])('%s (%s) › keeps %j', (_, glob, kept) => {
    const { files, skipped } = keepMatchingPaths(PULL_FILES, glob);
    expect(files.map((file) => file.path)).toEqual(kept);
    expect(skipped.map((item) => item.path).sort()).toEqual(
      PULL_FILES.map((file) => file.path)
        .filter((path) => !kept.includes(path))
        .sort(),
    );
  });

  it('a file left out › named with the command that left it out', () => {
    const { skipped } = keepMatchingPaths(PULL_FILES, 'src/**');
    expect(skipped).toEqual([
      { path: 'assets/logo.png', reason: 'not matched by `/review src/**`' },
      { path: 'docs/index.md', reason: 'not matched by `/review src/**`' },
      { path: 'package-lock.json', reason: 'not matched by `/review src/**`' },
    ]);
  });

  it('a kept file › passed on as it was, hunks and all', () => {
    const stock = PULL_FILES.find((file) => file.path === 'src/stock.ts');
    expect(keepMatchingPaths(PULL_FILES, 'src/stock.ts').files).toEqual([stock]);
  });

  it('a dot folder › matched by a glob that names it', () => {
    const workflow = parseGitHubFile({
      filename: '.github/workflows/ci.yml',
      status: 'modified',
      additions: 1,
      deletions: 1,
      changes: 2,
      patch:
        '@@ -12,3 +12,3 @@ jobs:\n     steps:\n-      - uses: actions/checkout@v3\n+      - uses: actions/checkout@v4\n',
    });
    expect(keepMatchingPaths([...PULL_FILES, workflow], '**/*.yml').files).toEqual([workflow]);
  });
});
