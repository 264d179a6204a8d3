import { describe, expect, it } from 'vitest';
import { type GitHubChangedFile, parseGitHubFile } from '../../src/diff/parse-github-file.js';
import type { DiffFile } from '../../src/diff/types.js';
import { jsonFixture } from '../support/fixtures.js';

/** An entry of GitHub's "list pull request files" response, with the fields GitHub always sends. */
function githubFile(
  overrides: Partial<GitHubChangedFile> & Pick<GitHubChangedFile, 'filename'>,
): GitHubChangedFile {
  return { status: 'modified', additions: 0, deletions: 0, changes: 0, ...overrides };
}

function summarise(file: DiffFile) {
  return {
    path: file.path,
    previousPath: file.previousPath,
    status: file.status,
    patchState: file.patchState,
    hunks: file.hunks.map((hunk) => `-${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount}`),
  };
}

const LOCKFILE_PATCH = '@@ -1 +1 @@\n-{"lockfileVersion": 3}\n+{"lockfileVersion": 3, "packages": {}}';

describe('parseGitHubFile', () => {
  it.each<{ name: string; entry: GitHubChangedFile; expected: ReturnType<typeof summarise> }>([
    {
      name: 'a modified file with a patch › present, with its hunks',
      entry: githubFile({
        filename: 'package-lock.json',
        additions: 1,
        deletions: 1,
        changes: 2,
        patch: LOCKFILE_PATCH,
      }),
      expected: {
        path: 'package-lock.json',
        previousPath: null,
        status: 'modified',
        patchState: 'present',
        hunks: ['-1,1 +1,1'],
      },
    },
    {
      name: 'a removed file with a patch › present, base lines only',
      entry: githubFile({
        filename: 'src/legacy.ts',
        status: 'removed',
        deletions: 1,
        changes: 1,
        patch: '@@ -1 +0,0 @@\n-export const LEGACY_DISCOUNT = 0.1;',
      }),
      expected: {
        path: 'src/legacy.ts',
        previousPath: null,
        status: 'removed',
        patchState: 'present',
        hunks: ['-1,1 +0,0'],
      },
    },
    {
      name: 'a renamed file with edits › present, previous path kept',
      entry: githubFile({
        filename: 'src/format/price.ts',
        previous_filename: 'src/util/format.ts',
        status: 'renamed',
        additions: 1,
        changes: 1,
        patch:
          '@@ -4,2 +4,3 @@ export function formatPrice(cents: number): string {\n   return `$${dollars}`;\n }\n+export const ZERO = formatPrice(0);',
      }),
      expected: {
        path: 'src/format/price.ts',
        previousPath: 'src/util/format.ts',
        status: 'renamed',
        patchState: 'present',
        hunks: ['-4,2 +4,3'],
      },
    },
    {
      name: 'a renamed file without a patch and no changes › no content change',
      entry: githubFile({
        filename: 'docs/index.md',
        previous_filename: 'docs/README.md',
        status: 'renamed',
      }),
      expected: {
        path: 'docs/index.md',
        previousPath: 'docs/README.md',
        status: 'renamed',
        patchState: 'no-content-change',
        hunks: [],
      },
    },
    {
      name: 'a mode change (status changed) without a patch › no content change',
      entry: githubFile({ filename: 'scripts/release.sh', status: 'changed' }),
      expected: {
        path: 'scripts/release.sh',
        previousPath: null,
        status: 'changed',
        patchState: 'no-content-change',
        hunks: [],
      },
    },
    {
      name: 'a modified file without a patch and no changes › binary',
      entry: githubFile({ filename: 'assets/logo.png' }),
      expected: {
        path: 'assets/logo.png',
        previousPath: null,
        status: 'modified',
        patchState: 'binary',
        hunks: [],
      },
    },
    {
      name: 'a modified file without an extension, no patch and no changes › binary',
      entry: githubFile({ filename: 'bin/protoc' }),
      expected: {
        path: 'bin/protoc',
        previousPath: null,
        status: 'modified',
        patchState: 'binary',
        hunks: [],
      },
    },
    {
      name: 'an added .png with no changes › binary',
      entry: githubFile({ filename: 'assets/icon.PNG', status: 'added' }),
      expected: {
        path: 'assets/icon.PNG',
        previousPath: null,
        status: 'added',
        patchState: 'binary',
        hunks: [],
      },
    },
    {
      name: 'a removed .woff2 with no changes › binary',
      entry: githubFile({ filename: 'fonts/inter.woff2', status: 'removed' }),
      expected: {
        path: 'fonts/inter.woff2',
        previousPath: null,
        status: 'removed',
        patchState: 'binary',
        hunks: [],
      },
    },
    {
      name: 'an empty text file added (no patch, no changes) › no content change',
      entry: githubFile({ filename: 'src/py.typed', status: 'added' }),
      expected: {
        path: 'src/py.typed',
        previousPath: null,
        status: 'added',
        patchState: 'no-content-change',
        hunks: [],
      },
    },
    {
      name: 'a file with changes but no patch › too large',
      entry: githubFile({ filename: 'data/countries.json', additions: 4210, deletions: 3980, changes: 8190 }),
      expected: {
        path: 'data/countries.json',
        previousPath: null,
        status: 'modified',
        patchState: 'too-large',
        hunks: [],
      },
    },
    {
      name: 'an added file with changes and an empty patch › too large',
      entry: githubFile({
        filename: 'dist/bundle.css',
        status: 'added',
        additions: 52000,
        changes: 52000,
        patch: '',
      }),
      expected: {
        path: 'dist/bundle.css',
        previousPath: null,
        status: 'added',
        patchState: 'too-large',
        hunks: [],
      },
    },
    {
      name: 'a malformed patch (hunk shorter than its header) › unparseable, no hunks, no throw',
      entry: githubFile({
        filename: 'src/stock.ts',
        additions: 1,
        deletions: 1,
        changes: 2,
        patch:
          '@@ -6,3 +6,3 @@\n   const available = stock.get(id) ?? 0;\n-  if (available < count) return false;',
      }),
      expected: {
        path: 'src/stock.ts',
        previousPath: null,
        status: 'modified',
        patchState: 'unparseable',
        hunks: [],
      },
    },
    {
      name: 'a patch without a hunk header › unparseable',
      entry: githubFile({ filename: 'README.md', additions: 1, changes: 1, patch: '+## Install' }),
      expected: {
        path: 'README.md',
        previousPath: null,
        status: 'modified',
        patchState: 'unparseable',
        hunks: [],
      },
    },
  ])('$name', ({ entry, expected }) => {
    expect(summarise(parseGitHubFile(entry))).toEqual(expected);
  });

  it('keeps GitHub’s addition and deletion counts', () => {
    const file = parseGitHubFile(
      githubFile({ filename: 'data/countries.json', additions: 4210, deletions: 3980, changes: 8190 }),
    );
    expect([file.additions, file.deletions]).toEqual([4210, 3980]);
  });

  it('the files of a recorded pull request › one state per file', () => {
    const files = jsonFixture<GitHubChangedFile[]>('github/inventory/pulls.listFiles.json').map(
      parseGitHubFile,
    );
    expect(files.map((file) => [file.path, file.status, file.patchState, file.hunks.length])).toEqual([
      ['assets/logo.png', 'modified', 'binary', 0],
      ['docs/index.md', 'renamed', 'no-content-change', 0],
      ['package-lock.json', 'modified', 'present', 1],
      ['src/format/price.ts', 'renamed', 'present', 1],
      ['src/legacy.ts', 'removed', 'present', 1],
      ['src/stock.ts', 'modified', 'present', 2],
    ]);
  });
});
