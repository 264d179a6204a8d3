import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/config/repo-config-schema.js';
import { makesSameClaim } from '../../../src/review/score-findings/makes-same-claim.js';
import { postedFinding, RESERVE, scored } from '../support/sift-findings.js';

/** What Sift posted on the inventory pull request about `reserve`. */
const POSTED = postedFinding(scored(RESERVE));

/** The same defect as another pass words it after a push moved the code. */
const REWORDED = {
  title: 'Off-by-one in `reserve`: the last unit can never be sold',
  body: 'When `available` equals `count`, the check `available <= count` is true and the order is refused although the stock covers it.',
};

describe('makesSameClaim', () => {
  it.each<[string, { path?: string; category?: Category }]>([
    ['the same file and category', {}],
    ['a category of the same family (bug → api-contract)', { category: 'api-contract' }],
    ['a category of the same family (bug → concurrency)', { category: 'concurrency' }],
  ])('a reworded claim on %s › the same claim', (_, overrides) => {
    expect(
      makesSameClaim(POSTED, { path: RESERVE.path, category: RESERVE.category, ...REWORDED, ...overrides }),
    ).toBe(true);
  });

  it.each<[string, { path?: string; category?: Category; title?: string; body?: string }]>([
    ['on another file', { path: 'src/format/price.ts' }],
    ['in another family (bug → performance)', { category: 'performance' }],
    ['in another family (bug → style)', { category: 'style' }],
    [
      'about other code in the same file',
      {
        title: '`totalValue` ignores items missing from the map',
        body: 'Items without a stock entry count as zero, which hides data errors in the catalogue.',
      },
    ],
  ])('the claim %s › not the same claim', (_, overrides) => {
    expect(
      makesSameClaim(POSTED, { path: RESERVE.path, category: RESERVE.category, ...REWORDED, ...overrides }),
    ).toBe(false);
  });

  it('a marker written before markers carried the category › the claim alone decides', () => {
    const { category: _, ...marker } = POSTED.marker;
    const older = { ...POSTED, marker };
    expect(makesSameClaim(older, { path: RESERVE.path, category: 'performance', ...REWORDED })).toBe(true);
  });
});
