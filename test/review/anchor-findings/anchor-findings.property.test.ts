import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHunks } from '../../../src/diff/parse-hunks.js';
import { anchorFindings } from '../../../src/review/anchor-findings/anchor-findings.js';
import { locateFindings } from '../../../src/review/ask-models/locate-findings.js';
import type { ProposedFinding, ReviewFile } from '../../../src/review/types.js';
import { generatedHunks, patchOf } from '../../diff/patch-arbitraries.js';

const RUNS = { numRuns: 300 };

/**
 * Where GitHub accepts a comment, read from the patch text itself rather than Sift's diff model:
 * for each side, the hunk each commentable line is in (GitHub docs, "Create a review comment for
 * a pull request": `line`, `start_line` and `side`).
 */
function commentableLines(patch: string): Record<'LEFT' | 'RIGHT', Map<number, number>> {
  const lines = { LEFT: new Map<number, number>(), RIGHT: new Map<number, number>() };
  let hunk = -1;
  let oldLine = 0;
  let newLine = 0;
  for (const row of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (header) {
      hunk += 1;
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
    } else if (row.startsWith('+')) lines.RIGHT.set(newLine++, hunk);
    else if (row.startsWith('-')) lines.LEFT.set(oldLine++, hunk);
    else {
      lines.LEFT.set(oldLine++, hunk);
      lines.RIGHT.set(newLine++, hunk);
    }
  }
  return lines;
}

const pullRequest = fc.array(generatedHunks, { minLength: 1, maxLength: 3 }).map((files) =>
  files.map((hunks, index) => {
    const path = `src/file-${index + 1}.ts`;
    const patch = patchOf(hunks);
    const file: ReviewFile = {
      id: `F${index + 1}`,
      file: {
        path,
        previousPath: null,
        status: 'modified',
        patchState: 'present',
        hunks: parseHunks(patch, path),
        additions: 0,
        deletions: 0,
      },
    };
    return { file, patch };
  }),
);

/** Line ids a model might answer: real ones, near misses, other files and sides, and nonsense. */
function lineIdFor(realIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...realIds),
    fc
      .tuple(
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('L', 'R', 'l', 'X'),
        fc.oneof(fc.nat({ max: 400 }), fc.constantFrom(-1, 2 ** 53, 1e21)),
        fc.constantFrom('', ' ', '\n'),
      )
      .map(([file, side, line, space]) => `${space}F${file}:${side}${line}${space}`),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('F1:R', 'F1:R1-R3', 'F1:R01', 'src/file-1.ts:3', 'F1:R2,F1:R3', '', 'F01:R1'),
  );
}

/** A pull request and what the passes answered about it. */
const reviewed = pullRequest.chain((pull) => {
  const realIds = pull.flatMap(({ file }) =>
    file.file.hunks.flatMap((hunk) =>
      hunk.lines.map((line) =>
        line.kind === 'removed' ? `${file.id}:L${line.oldLine}` : `${file.id}:R${line.newLine}`,
      ),
    ),
  );
  const lineId = lineIdFor(realIds);
  const answer = fc.record({
    startLineId: lineId,
    endLineId: lineId,
    suggestion: fc.option(fc.constant('  return 1;\n')),
  });
  return fc.tuple(fc.constant(pull), fc.array(answer, { maxLength: 12 }));
});

describe('anchoring, for any line ids a model answers', () => {
  it('never puts an inline comment off the lines GitHub accepts, nor across hunks', () => {
    let inline = 0;
    fc.assert(
      fc.property(reviewed, ([pull, answers]) => {
        const proposals: ProposedFinding[] = answers.map((answer, index) => ({
          ...answer,
          pass: 'correctness',
          category: 'bug',
          severity: 'major',
          title: `Finding ${index}`,
          body: 'It fails.',
          evidence: [],
        }));
        const located = locateFindings(
          proposals,
          pull.map(({ file }) => file),
        );
        expect(located.located.length + located.rejected.length).toBe(proposals.length);
        const anchored = anchorFindings(
          located.located.map((finding) => ({
            ...finding,
            fingerprint: finding.title,
            confidence: 1,
            votes: 4,
            verdict: 'confirmed' as const,
          })),
        );
        const oracle = new Map(pull.map(({ file, patch }) => [file.file.path, commentableLines(patch)]));
        inline += anchored.inline.length;
        for (const finding of anchored.inline) {
          const lines = oracle.get(finding.path)?.[finding.side];
          expect(lines?.has(finding.startLine)).toBe(true);
          expect(lines?.get(finding.endLine)).toBe(lines?.get(finding.startLine));
          expect(finding.startLine).toBeLessThanOrEqual(finding.endLine);
          if (finding.side === 'LEFT') expect(finding.suggestion).toBeNull();
        }
        for (const finding of anchored.summaryOnly) {
          expect(oracle.get(finding.path)?.[finding.side].has(finding.startLine)).toBe(true);
          expect(finding.suggestion).toBeNull();
        }
      }),
      RUNS,
    );
    // The property holds for the comments actually placed, so many must have been.
    expect(inline).toBeGreaterThan(RUNS.numRuns);
  });
});
