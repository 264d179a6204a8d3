import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLineMap } from '../../src/diff/build-line-map.js';
import { type GitHubChangedFile, parseGitHubFile } from '../../src/diff/parse-github-file.js';
import { parseHunks } from '../../src/diff/parse-hunks.js';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import { MalformedDiffError } from '../../src/errors.js';
import { wellFormedPatch } from './patch-arbitraries.js';

// Enough runs to reach the odd corners of the grammar; the suite stays under a few seconds.
const RUNS = { numRuns: 300 };

const numberText = fc.oneof(
  fc.nat({ max: 20 }).map(String),
  fc.constantFrom('0', '00', '-1', '1e3', '99999999999999999999', '9007199254740993', ''),
);
const hunkHeader = fc
  .tuple(numberText, fc.option(numberText), numberText, fc.option(numberText), fc.string({ maxLength: 20 }))
  .map(
    ([oldStart, oldCount, newStart, newCount, section]) =>
      `@@ -${oldStart}${oldCount === null ? '' : `,${oldCount}`} +${newStart}${newCount === null ? '' : `,${newCount}`} @@${section}`,
  );
const patchRow = fc.oneof(
  hunkHeader,
  fc.string({ maxLength: 30 }).map((text) => `+${text}`),
  fc.string({ maxLength: 30 }).map((text) => `-${text}`),
  fc.string({ maxLength: 30 }).map((text) => ` ${text}`),
  fc.constantFrom('', '\\ No newline at end of file', '@@', '@@ -1 +1', 'diff --git a/x b/x', '\r'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
/** Text that looks like a patch: hunk headers (sensible or not) and diff lines in any order. */
const patchish = fc
  .tuple(fc.array(patchRow, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'))
  .map(([rows, newline]) => rows.join(newline));
const anyPatch = fc.oneof(patchish, fc.string({ unit: 'binary', maxLength: 300 }), wellFormedPatch);

const gitFileHeader = fc.constantFrom(
  'diff --git a/src/a.ts b/src/a.ts\nindex 1..2 100644\n--- a/src/a.ts\n+++ b/src/a.ts\n',
  'diff --git a/new.ts b/new.ts\nnew file mode 100644\n--- /dev/null\n+++ b/new.ts\n',
  'diff --git a/old.ts b/gone.ts\nsimilarity index 90%\nrename from old.ts\nrename to gone.ts\n',
  'diff --git "a/sp ace\\303\\251.ts" "b/sp ace\\303\\251.ts"\n',
  'diff --git a/x b/x\nBinary files a/x and b/x differ\n',
  'diff --git ',
  'diff --git a/odd\n',
);

describe('the diff parser, for any patch text', () => {
  it('parseGitHubFile never throws; a patch it cannot read is marked unparseable, not guessed', () => {
    fc.assert(
      fc.property(
        anyPatch,
        fc.constantFrom<GitHubChangedFile['status']>('added', 'modified', 'removed', 'renamed'),
        (patch, status) => {
          const file = parseGitHubFile({
            filename: 'src/a.ts',
            status,
            additions: 1,
            deletions: 1,
            changes: 2,
            patch,
          });
          if (file.patchState !== 'present') expect(file.hunks).toEqual([]);
          for (const hunk of file.hunks) {
            expect(hunk.lines.filter((line) => line.kind !== 'added')).toHaveLength(hunk.oldCount);
            expect(hunk.lines.filter((line) => line.kind !== 'removed')).toHaveLength(hunk.newCount);
          }
        },
      ),
      RUNS,
    );
  });

  it('parseHunks and parseUnifiedDiff throw nothing but MalformedDiffError', () => {
    const onlyMalformed = (parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedDiffError);
      }
    };
    fc.assert(
      fc.property(anyPatch, fc.array(gitFileHeader, { maxLength: 3 }), (patch, headers) => {
        onlyMalformed(() => parseHunks(patch, 'src/a.ts'));
        onlyMalformed(() => parseUnifiedDiff(headers.map((header) => `${header}${patch}\n`).join('')));
        onlyMalformed(() => parseUnifiedDiff(patch));
      }),
      RUNS,
    );
  });

  it('a well-formed patch › parsed whole, each line numbered once on each side it has', () => {
    fc.assert(
      fc.property(wellFormedPatch, (patch) => {
        const hunks = parseHunks(patch, 'src/a.ts');
        expect(hunks.length).toBe(patch.split('\n').filter((row) => row.startsWith('@@ ')).length);
        const map = buildLineMap({
          path: 'src/a.ts',
          previousPath: null,
          status: 'modified',
          patchState: 'present',
          hunks,
          additions: 0,
          deletions: 0,
        });
        const right = hunks.flatMap((hunk) => hunk.lines.flatMap((line) => line.newLine ?? []));
        const left = hunks.flatMap((hunk) => hunk.lines.flatMap((line) => line.oldLine ?? []));
        expect([...map.right.keys()]).toEqual(right);
        expect([...map.left.keys()]).toEqual(left);
        expect(new Set(right).size).toBe(right.length);
        expect(new Set(left).size).toBe(left.length);
      }),
      RUNS,
    );
  });
});
