import { describe, expect, it } from 'vitest';
import type { DiffFile } from '../../../src/diff/types.js';
import { BEYOND_SIZE_LIMIT, fitSizeLimit } from '../../../src/review/select-files/fit-size-limit.js';
import type { ReviewFile } from '../../../src/review/types.js';

/** A changed file of a real-looking pull request: what fitSizeLimit weighs is its path and size. */
const file = (id: string, path: string, additions: number, deletions = 0): ReviewFile => ({
  id,
  file: { path, status: 'modified', additions, deletions } as DiffFile,
});

// A pull request to a payments service: code, a test, configuration and docs.
const FILES = [
  file('F1', 'README.md', 40),
  file('F2', 'config/settings.yml', 12, 3),
  file('F3', 'src/billing/charge.ts', 120, 30),
  file('F4', 'src/billing/charge.test.ts', 200),
  file('F5', 'src/auth/session.ts', 60, 10),
  file('F6', 'src/util/format-date.ts', 15, 5),
];

const kept = (limit: Parameters<typeof fitSizeLimit>[1]) =>
  fitSizeLimit(FILES, limit).files.map((f) => f.file.path);

describe('fitSizeLimit', () => {
  it.each([
    ['no limit', undefined, FILES.map((f) => f.file.path)],
    [
      'limits the pull request is within',
      { maxFiles: 6, maxChangedLines: 495 },
      FILES.map((f) => f.file.path),
    ],
    [
      'at most 2 files › the two riskiest: sensitive production code',
      { maxFiles: 2 },
      ['src/billing/charge.ts', 'src/auth/session.ts'],
    ],
    [
      'at most 100 changed lines › the riskiest that fit: a large risky file is passed over for smaller ones',
      { maxChangedLines: 100 },
      ['src/auth/session.ts', 'src/util/format-date.ts'],
    ],
    [
      'both limits › the tighter one decides',
      { maxFiles: 3, maxChangedLines: 250 },
      ['src/billing/charge.ts', 'src/auth/session.ts', 'src/util/format-date.ts'],
    ],
  ])('%s', (_, limit, expected) => {
    expect(kept(limit)).toEqual(expected);
  });

  it('what is left out › named, with the reason the check run shows; ids are kept', () => {
    const fit = fitSizeLimit(FILES, { maxFiles: 2 });
    expect(fit.files.map((f) => f.id)).toEqual(['F3', 'F5']);
    expect(fit.skipped).toEqual(
      ['README.md', 'config/settings.yml', 'src/billing/charge.test.ts', 'src/util/format-date.ts'].map(
        (path) => ({
          path,
          reason: BEYOND_SIZE_LIMIT,
        }),
      ),
    );
  });

  it('one file larger than the line limit › nothing fits, and it is named', () => {
    const fit = fitSizeLimit([file('F1', 'src/huge.ts', 5_000)], { maxChangedLines: 2_000 });
    expect(fit.files).toEqual([]);
    expect(fit.skipped).toEqual([{ path: 'src/huge.ts', reason: BEYOND_SIZE_LIMIT }]);
  });
});
