import { describe, expect, it } from 'vitest';
import { parseHunks } from '../../../src/diff/parse-hunks.js';
import type { DiffFile, PatchState } from '../../../src/diff/types.js';
import { classifyPath } from '../../../src/review/select-files/classify-path.js';
import { selectFiles } from '../../../src/review/select-files/select-files.js';

const ONE_LINE_CHANGE =
  '@@ -1,3 +1,3 @@\n import { z } from "zod";\n-export const a = 1;\n+export const a = 2;\n ';

/** A changed file; by default a one-line edit near the top, as GitHub's file list gives it. */
function diffFile(path: string, overrides: Partial<DiffFile> & { patch?: string } = {}): DiffFile {
  const { patch = ONE_LINE_CHANGE, ...rest } = overrides;
  return {
    path,
    previousPath: null,
    status: 'modified',
    patchState: 'present',
    hunks: parseHunks(patch, path),
    additions: 1,
    deletions: 1,
    ...rest,
  };
}

const noIgnore = { paths: { ignore: [] } };

/** A new file whose first lines are `opening`, as an added file's patch shows them. */
const addedWith = (...opening: string[]) =>
  `@@ -0,0 +1,${opening.length} @@\n${opening.map((line) => `+${line}`).join('\n')}`;

describe('classifyPath', () => {
  it.each([
    'package-lock.json',
    'web/yarn.lock',
    'pnpm-lock.yaml',
    'Cargo.lock',
    'go.sum',
    'services/api/poetry.lock',
    'Gemfile.lock',
    'ios/Podfile.lock',
  ])('lockfile %s, changed or added › lockfile', (path) => {
    expect(classifyPath(diffFile(path))).toBe('lockfile');
    expect(classifyPath(diffFile(path, { status: 'added', patch: addedWith('{') }))).toBe('lockfile');
  });

  describe('a file the base branch already had in a generated or vendored place', () => {
    it.each([
      { path: 'vendor/github.com/pkg/errors/errors.go', reason: 'vendored at base (`vendor/` folder)' },
      { path: 'third_party/zlib/inflate.c', reason: 'vendored at base (`third_party/` folder)' },
      { path: 'web/node_modules/left-pad/index.js', reason: 'vendored at base (`node_modules/` folder)' },
      { path: 'ios/Pods/Alamofire/Source/Session.swift', reason: 'vendored at base (`Pods/` folder)' },
      { path: 'public/app.min.js', reason: 'generated at base (minified)' },
      { path: 'dist/index.js', reason: 'generated at base (`dist/` folder)' },
      { path: 'static/app.js.map', reason: 'generated at base (source map)' },
      { path: 'test/__snapshots__/render.test.ts.snap', reason: 'generated at base (test snapshot)' },
      { path: 'api/v1/user.pb.go', reason: 'generated at base (protobuf output)' },
      { path: 'proto/user_pb2.py', reason: 'generated at base (protobuf output)' },
      { path: 'proto/user_pb2_grpc.py', reason: 'generated at base (protobuf output)' },
      { path: 'lib/models/user.g.dart', reason: 'generated at base (Dart build_runner output)' },
      // Visual Studio names WinForms designer files `Form1.Designer.cs`; some projects use lower case.
      { path: 'App/MainForm.Designer.cs', reason: 'generated at base (Visual Studio designer file)' },
      {
        path: 'App/Properties/Resources.designer.cs',
        reason: 'generated at base (Visual Studio designer file)',
      },
      { path: 'src/__generated__/graphql.ts', reason: 'generated at base (`__generated__/` folder)' },
      { path: 'src/api/client.generated.ts', reason: 'generated at base (`.generated.` in its name)' },
    ])('modified $path › $reason', ({ path, reason }) => {
      expect(classifyPath(diffFile(path))).toBe(reason);
    });

    it('deleted from `dist/` › skipped for the same reason', () => {
      const deleted = diffFile('dist/index.js', { status: 'removed', patch: '@@ -1 +0,0 @@\n-export {};' });
      expect(classifyPath(deleted)).toBe('generated at base (`dist/` folder)');
    });

    it('renamed inside `vendor/` › skipped', () => {
      const moved = diffFile('vendor/left-pad/lib/index.js', {
        status: 'renamed',
        previousPath: 'vendor/left-pad/index.js',
      });
      expect(classifyPath(moved)).toBe('vendored at base (`vendor/` folder)');
    });
  });

  it.each([
    'src/lock.ts',
    'docs/lockfile-format.md',
    'src/vendors.ts',
    'scripts/build.js',
    'src/build/compile.ts',
    'src/minify.js',
    'src/stock.ts',
  ])('ordinary source file %s that only resembles the above › reviewed', (path) => {
    expect(classifyPath(diffFile(path))).toBeNull();
  });

  describe('a file the pull request adds', () => {
    const BACKDOOR = addedWith(
      'export function isAdmin(user) {',
      "  return user.name === 'mallory' || user.admin;",
      '}',
    );

    it.each([
      'dist/index.js',
      'dist/types/index.d.ts',
      'vendor/github.com/pkg/errors/errors.go',
      'web/node_modules/left-pad/index.js',
      'public/app.min.js',
      'api/v1/user.pb.go',
      'src/__generated__/graphql.ts',
      'src/api/client.generated.ts',
    ])('code at %s › reviewed, whatever the path says', (path) => {
      expect(classifyPath(diffFile(path, { status: 'added', patch: BACKDOOR }))).toBeNull();
    });

    it('code with an `@generated` header › reviewed', () => {
      const patch = addedWith('// @generated by relay-compiler', 'export const isAdmin = () => true;');
      expect(classifyPath(diffFile('src/auth/is-admin.ts', { status: 'added', patch }))).toBeNull();
    });

    it('a copy of a generated file › reviewed: the copy is new at its path', () => {
      const copy = diffFile('dist/admin.js', {
        status: 'copied',
        previousPath: 'dist/index.js',
        patch: BACKDOOR,
      });
      expect(classifyPath(copy)).toBeNull();
    });

    it.each([
      { path: 'static/app.js.map', reason: 'generated file (source map)' },
      { path: 'test/__snapshots__/render.test.ts.snap', reason: 'generated file (test snapshot)' },
      { path: 'vendor/github.com/pkg/errors/README.md', reason: 'vendored code (`vendor/` folder)' },
    ])('data no program runs at $path › $reason', ({ path, reason }) => {
      expect(classifyPath(diffFile(path, { status: 'added', patch: addedWith('{}') }))).toBe(reason);
    });
  });

  describe('a file renamed into or out of a generated place', () => {
    it.each([
      { from: 'src/auth.js', to: 'dist/auth.js' },
      { from: 'dist/auth.js', to: 'src/auth.js' },
      { from: 'src/errors.go', to: 'vendor/github.com/pkg/errors/errors.go' },
    ])('$from → $to › reviewed', ({ from, to }) => {
      expect(classifyPath(diffFile(to, { status: 'renamed', previousPath: from }))).toBeNull();
    });
  });

  describe('with a marker in the first lines of the file', () => {
    it.each([
      {
        name: "Go's `// Code generated … DO NOT EDIT.` on a regenerated first line",
        patch:
          '@@ -1,3 +1,3 @@\n-// Code generated by mockgen v1.6.0. DO NOT EDIT.\n+// Code generated by mockgen v1.7.0. DO NOT EDIT.\n // Source: store.go\n package mocks',
        reason: 'generated at base (`Code generated by mockgen v1.6.0. DO NOT EDIT` header)',
      },
      {
        name: 'an `@generated` line below a licence header, unchanged',
        patch:
          '@@ -1,6 +1,6 @@\n /*\n  * Copyright (c) Meta Platforms, Inc.\n  *\n  * @generated SignedSource<<a1b2>>\n  */\n-export const version = 1;\n+export const version = 2;',
        reason: 'generated at base (`@generated` header)',
      },
      {
        name: 'pip-compile’s header above a changed pin',
        patch:
          '@@ -1,4 +1,4 @@\n #\n # This file is autogenerated by pip-compile with Python 3.12\n #\n-click==8.1.6\n+click==8.1.7',
        reason: 'generated at base (`This file is autogenerated` header)',
      },
    ])('already at base: $name › $reason', ({ patch, reason }) => {
      expect(classifyPath(diffFile('internal/store/user.go', { patch }))).toBe(reason);
    });

    it.each([
      {
        name: 'the marker gained by this pull request',
        patch: '@@ -1,2 +1,3 @@\n+// @generated\n package store\n func Allow() bool { return true }',
      },
      {
        name: 'the marker gained above a large insertion',
        patch: addedWith('// Code generated by hand. DO NOT EDIT.', 'package store'),
      },
      {
        name: 'the marker removed by this pull request',
        patch: '@@ -1,2 +1,1 @@\n-// @generated\n package store',
      },
      {
        name: 'the marker below the fifth line',
        patch:
          '@@ -1,6 +1,6 @@\n package userv1\n \n import "fmt"\n \n-func A() {}\n+func A() { fmt.Println() }\n // Code generated by hand. DO NOT EDIT.',
      },
      {
        name: 'the marker in a hunk further down the file',
        patch:
          '@@ -40,2 +40,3 @@\n func A() {}\n+// Code generated by protoc-gen-go. DO NOT EDIT.\n func B() {}',
      },
      {
        name: 'a `DO NOT EDIT` without `Code generated`',
        patch:
          '@@ -1,2 +1,2 @@\n // DO NOT EDIT: tuned by hand, see docs/perf.md\n-package cache\n+package caches',
      },
    ])('$name › reviewed', ({ patch }) => {
      expect(classifyPath(diffFile('internal/store/user.go', { patch }))).toBeNull();
    });
  });
});

describe('selectFiles', () => {
  describe('with files GitHub gave no usable diff for', () => {
    it.each<{ state: Exclude<PatchState, 'present'>; reason: string }>([
      { state: 'binary', reason: 'binary file' },
      { state: 'too-large', reason: 'GitHub did not provide the diff because it is too large' },
      { state: 'no-content-change', reason: 'no changed lines (rename, mode change or empty file)' },
      { state: 'unparseable', reason: 'the diff GitHub returned could not be parsed' },
    ])('$state › skipped with “$reason”', ({ state, reason }) => {
      const selection = selectFiles([diffFile('src/stock.ts', { patchState: state, patch: '' })], noIgnore);
      expect(selection).toEqual({ selected: [], skipped: [{ path: 'src/stock.ts', reason }] });
    });
  });

  describe('with paths.ignore globs from .github/sift.yml', () => {
    it.each([
      { ignore: ['docs/**'], path: 'docs/guide/install.md', ignored: true },
      { ignore: ['**/*.test.ts'], path: 'src/review/score.test.ts', ignored: true },
      { ignore: ['**/*.yml'], path: '.github/workflows/ci.yml', ignored: true },
      { ignore: ['migrations/*.sql'], path: 'migrations/0042_add_index.sql', ignored: true },
      { ignore: ['src/legacy/**', 'scripts/**'], path: 'scripts/release.ts', ignored: true },
      { ignore: ['*.md'], path: 'README.md', ignored: true },
      { ignore: ['*.md'], path: 'docs/guide.md', ignored: true },
      { ignore: ['/*.md'], path: 'docs/guide.md', ignored: false },
      { ignore: ['docs/**'], path: 'src/docs.ts', ignored: false },
      { ignore: ['**/*.test.ts'], path: 'src/review/score.ts', ignored: false },
    ])('$ignore on $path › ignored: $ignored', ({ ignore, path, ignored }) => {
      const selection = selectFiles([diffFile(path)], { paths: { ignore } });
      expect(selection.skipped).toEqual(
        ignored ? [{ path, reason: 'matches paths.ignore in .github/sift.yml' }] : [],
      );
      expect(selection.selected.map(({ file }) => file.path)).toEqual(ignored ? [] : [path]);
    });

    it('a lockfile that also matches a glob › the glob is named as the reason', () => {
      expect(selectFiles([diffFile('package-lock.json')], { paths: { ignore: ['*.json'] } }).skipped).toEqual(
        [{ path: 'package-lock.json', reason: 'matches paths.ignore in .github/sift.yml' }],
      );
    });

    it('a binary file that also matches a glob › the missing diff is named as the reason', () => {
      const logo = diffFile('assets/logo.png', { patchState: 'binary', patch: '' });
      expect(selectFiles([logo], { paths: { ignore: ['assets/**'] } }).skipped).toEqual([
        { path: 'assets/logo.png', reason: 'binary file' },
      ]);
    });
  });

  describe('with a mixed pull request', () => {
    const files = [
      diffFile('src/stock.ts'),
      diffFile('package-lock.json'),
      diffFile('assets/logo.png', { patchState: 'binary', patch: '' }),
      diffFile('src/format/price.ts', { status: 'renamed', previousPath: 'src/util/format.ts' }),
      diffFile('docs/index.md', {
        status: 'renamed',
        previousPath: 'docs/README.md',
        patchState: 'no-content-change',
        patch: '',
      }),
      diffFile('vendor/left-pad/index.js'),
      diffFile('src/item.ts'),
      diffFile('test/stock.test.ts'),
    ];

    it('reviewed files get ids F1, F2, … in path order; the rest are skipped with a reason, in path order', () => {
      const selection = selectFiles(files, { paths: { ignore: ['test/**'] } });
      expect(selection.selected.map(({ id, file }) => `${id} ${file.path}`)).toEqual([
        'F1 src/format/price.ts',
        'F2 src/item.ts',
        'F3 src/stock.ts',
      ]);
      expect(selection.skipped).toEqual([
        { path: 'assets/logo.png', reason: 'binary file' },
        { path: 'docs/index.md', reason: 'no changed lines (rename, mode change or empty file)' },
        { path: 'package-lock.json', reason: 'lockfile' },
        { path: 'test/stock.test.ts', reason: 'matches paths.ignore in .github/sift.yml' },
        { path: 'vendor/left-pad/index.js', reason: 'vendored at base (`vendor/` folder)' },
      ]);
    });

    it('the same files in another order › the same ids and the same skipped list', () => {
      const forward = selectFiles(files, noIgnore);
      expect(selectFiles([...files].reverse(), noIgnore)).toEqual(forward);
      const shuffled = [3, 7, 0, 5, 2, 6, 1, 4].flatMap((index) => files[index] ?? []);
      expect(selectFiles(shuffled, noIgnore)).toEqual(forward);
    });

    it('keeps the file object itself, so hunks and the previous path reach the model', () => {
      const price = files[3];
      const selected = selectFiles(files, noIgnore).selected.find(
        ({ file }) => file.path === 'src/format/price.ts',
      );
      expect(selected?.file).toBe(price);
    });

    it('paths that differ only in case › sorted by code point (upper case first), like git', () => {
      const selection = selectFiles(
        [diffFile('src/readme.ts'), diffFile('src/README.ts'), diffFile('src/Readme.ts')],
        noIgnore,
      );
      expect(selection.selected.map(({ id, file }) => `${id} ${file.path}`)).toEqual([
        'F1 src/README.ts',
        'F2 src/Readme.ts',
        'F3 src/readme.ts',
      ]);
    });
  });

  it('no files › nothing selected, nothing skipped', () => {
    expect(selectFiles([], noIgnore)).toEqual({ selected: [], skipped: [] });
  });
});
