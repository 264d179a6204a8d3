import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/config/repo-config-schema.js';
import { DEFAULT_CATEGORIES } from '../../../src/config/repo-config-schema.js';
import { fingerprintFinding } from '../../../src/review/score-findings/fingerprint-finding.js';
import { scoreFindings } from '../../../src/review/score-findings/score-findings.js';
import type { LocatedFinding } from '../../../src/review/types.js';

/** A located finding; `code` defaults to a line unique to its title, so findings differ unless told. */
function located(title: string, overrides: Partial<LocatedFinding> = {}): LocatedFinding {
  return {
    pass: 'correctness',
    category: 'bug',
    severity: 'major',
    title,
    body: 'It fails for some input.',
    evidence: [],
    suggestion: null,
    path: 'src/stock.ts',
    side: 'RIGHT',
    startLine: 10,
    endLine: 10,
    withinOneHunk: true,
    code: [`  doSomething(); // ${title}`],
    ...overrides,
  };
}

const config = (maxComments = 5, categories: Category[] = DEFAULT_CATEGORIES) => ({
  maxComments,
  categories,
});
const titles = (findings: readonly LocatedFinding[]) => findings.map((finding) => finding.title);

const RESERVE = ['  if (available <= count) return false;'];

describe('scoreFindings', () => {
  it('no findings › nothing kept, nothing counted', () => {
    expect(scoreFindings([], config())).toEqual({ kept: [], filtered: {} });
  });

  it('each kept finding › carries its fingerprint', () => {
    const finding = located('Off by one', { code: RESERVE });
    expect(scoreFindings([finding], config()).kept).toEqual([
      { ...finding, fingerprint: fingerprintFinding(finding) },
    ]);
  });

  describe('with categories the repository has not enabled', () => {
    it('style and maintainability under the default categories › held back and counted', () => {
      const { kept, filtered } = scoreFindings(
        [
          located('Prefer const', { category: 'style' }),
          located('Missing await', { category: 'bug' }),
          located('Extract a helper', { category: 'maintainability' }),
          located('SQL built by concatenation', { category: 'security' }),
        ],
        config(),
      );
      expect(titles(kept)).toEqual(['Missing await', 'SQL built by concatenation']);
      expect(filtered).toEqual({ 'category-off': 2 });
    });

    it('a repository that opted into style › style findings kept', () => {
      const { kept, filtered } = scoreFindings(
        [located('Prefer const', { category: 'style' })],
        config(5, ['bug', 'style']),
      );
      expect(titles(kept)).toEqual(['Prefer const']);
      expect(filtered).toEqual({});
    });
  });

  describe('with findings that point at the same problem', () => {
    it('two passes flag the same code, the second more severe › one kept, the most severe', () => {
      const { kept, filtered } = scoreFindings(
        [
          located('Reserving the last unit fails', { code: RESERVE, severity: 'minor', pass: 'correctness' }),
          located('Stock check is off by one', { code: RESERVE, severity: 'critical', pass: 'edge-cases' }),
        ],
        config(),
      );
      expect(kept.map((finding) => [finding.title, finding.severity])).toEqual([
        ['Stock check is off by one', 'critical'],
      ]);
      expect(filtered).toEqual({ duplicate: 1 });
    });

    it('the more severe one first › it stays', () => {
      const { kept } = scoreFindings(
        [
          located('Stock check is off by one', { code: RESERVE, severity: 'critical' }),
          located('Reserving the last unit fails', { code: RESERVE, severity: 'major' }),
        ],
        config(),
      );
      expect(titles(kept)).toEqual(['Stock check is off by one']);
    });

    it('equally severe › the first one stays', () => {
      const { kept } = scoreFindings(
        [
          located('Reserving the last unit fails', { code: RESERVE }),
          located('Stock check is off by one', { code: RESERVE }),
        ],
        config(),
      );
      expect(titles(kept)).toEqual(['Reserving the last unit fails']);
    });

    it('three findings on the same code, one re-indented and one on other line numbers › one kept, two counted', () => {
      const { kept, filtered } = scoreFindings(
        [
          located('A', { code: RESERVE, severity: 'minor' }),
          located('B', {
            code: ['\tif (available <= count) return false;'],
            severity: 'major',
            startLine: 40,
            endLine: 40,
          }),
          located('C', { code: RESERVE, severity: 'minor' }),
        ],
        config(),
      );
      expect(titles(kept)).toEqual(['B']);
      expect(filtered).toEqual({ duplicate: 2 });
    });

    it('the same code flagged under two categories › both kept', () => {
      const { kept, filtered } = scoreFindings(
        [
          located('Off by one', { code: RESERVE, category: 'bug' }),
          located('Race between get and set', { code: RESERVE, category: 'concurrency' }),
        ],
        config(),
      );
      expect(titles(kept)).toEqual(['Off by one', 'Race between get and set']);
      expect(filtered).toEqual({});
    });
  });

  describe('ranking', () => {
    it('orders by severity, then path, then line', () => {
      const { kept } = scoreFindings(
        [
          located('minor in a.ts', { severity: 'minor', path: 'src/a.ts', startLine: 1 }),
          located('major in stock.ts line 30', { severity: 'major', path: 'src/stock.ts', startLine: 30 }),
          located('critical in stock.ts', { severity: 'critical', path: 'src/stock.ts', startLine: 80 }),
          located('major in stock.ts line 12', { severity: 'major', path: 'src/stock.ts', startLine: 12 }),
          located('major in item.ts', { severity: 'major', path: 'src/item.ts', startLine: 90 }),
          located('critical in cart.ts', { severity: 'critical', path: 'src/cart.ts', startLine: 5 }),
        ],
        config(10),
      );
      expect(titles(kept)).toEqual([
        'critical in cart.ts',
        'critical in stock.ts',
        'major in item.ts',
        'major in stock.ts line 12',
        'major in stock.ts line 30',
        'minor in a.ts',
      ]);
    });
  });

  describe('with more findings than maxComments', () => {
    const findings = [
      located('m1', { severity: 'minor', startLine: 1 }),
      located('M1', { severity: 'major', startLine: 2 }),
      located('m2', { severity: 'minor', startLine: 3 }),
      located('C1', { severity: 'critical', startLine: 4 }),
      located('M2', { severity: 'major', startLine: 5 }),
      located('m3', { severity: 'minor', startLine: 6 }),
      located('M3', { severity: 'major', startLine: 7 }),
    ];

    it.each([
      { maxComments: 5, kept: ['C1', 'M1', 'M2', 'M3', 'm1'], filtered: { 'over-max-comments': 2 } },
      { maxComments: 1, kept: ['C1'], filtered: { 'over-max-comments': 6 } },
      { maxComments: 0, kept: [], filtered: { 'over-max-comments': 7 } },
      { maxComments: 7, kept: ['C1', 'M1', 'M2', 'M3', 'm1', 'm2', 'm3'], filtered: {} },
      { maxComments: 50, kept: ['C1', 'M1', 'M2', 'M3', 'm1', 'm2', 'm3'], filtered: {} },
    ])(
      'maxComments $maxComments › the most severe kept, the rest counted',
      ({ maxComments, kept, filtered }) => {
        const result = scoreFindings(findings, config(maxComments));
        expect(titles(result.kept)).toEqual(kept);
        expect(result.filtered).toEqual(filtered);
      },
    );
  });

  it('every reason at once › each counted once per finding held back', () => {
    const { kept, filtered } = scoreFindings(
      [
        located('Prefer const', { category: 'style' }),
        located('Off by one', { code: RESERVE, severity: 'critical' }),
        located('Off by one again', { code: RESERVE }),
        located('Missing await', { severity: 'major' }),
        located('Unused variable', { severity: 'minor' }),
      ],
      config(2),
    );
    expect(titles(kept)).toEqual(['Off by one', 'Missing await']);
    expect(filtered).toEqual({ 'category-off': 1, duplicate: 1, 'over-max-comments': 1 });
  });
});
