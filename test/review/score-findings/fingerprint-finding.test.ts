import { describe, expect, it } from 'vitest';
import { fingerprintFinding } from '../../../src/review/score-findings/fingerprint-finding.js';
import type { LocatedFinding } from '../../../src/review/types.js';

function located(overrides: Partial<LocatedFinding> = {}): LocatedFinding {
  return {
    pass: 'correctness',
    category: 'bug',
    severity: 'major',
    title: 'The last unit in stock can never be reserved',
    body: 'With `<=`, reserving exactly the available count returns false.',
    evidence: [],
    suggestion: null,
    path: 'src/stock.ts',
    side: 'RIGHT',
    startLine: 6,
    endLine: 7,
    withinOneHunk: true,
    code: ['  if (available <= count) return false;', '  stock.set(id, available - count);'],
    symbol: null,
    ...overrides,
  };
}

const original = fingerprintFinding(located());

describe('fingerprintFinding', () => {
  it('is 16 hex characters', () => {
    expect(original).toMatch(/^[0-9a-f]{16}$/);
  });

  describe('the same problem after a push that moved or reformatted the code', () => {
    it.each<{ name: string; finding: LocatedFinding }>([
      { name: 'code above it added (other line numbers)', finding: located({ startLine: 46, endLine: 47 }) },
      {
        name: 're-indented with tabs',
        finding: located({
          code: ['\tif (available <= count) return false;', '\tstock.set(id, available - count);'],
          symbol: null,
        }),
      },
      {
        name: 'spacing inside the line changed',
        finding: located({
          code: ['  if (available  <=  count)   return false;', 'stock.set(id, available - count);  '],
          symbol: null,
        }),
      },
      {
        name: 'a blank line added inside the range',
        finding: located({
          code: ['  if (available <= count) return false;', '', '  stock.set(id, available - count);'],
          symbol: null,
        }),
      },
      {
        name: 'reworded by the model, another severity, another pass',
        finding: located({
          title: 'Off by one in reserve()',
          body: 'Use `<`.',
          severity: 'critical',
          pass: 'security',
        }),
      },
    ])('$name › the same fingerprint', ({ finding }) => {
      expect(fingerprintFinding(finding)).toBe(original);
    });
  });

  describe('a different problem', () => {
    it.each<{ name: string; finding: LocatedFinding }>([
      { name: 'another category on the same code', finding: located({ category: 'performance' }) },
      {
        name: 'the code itself changed',
        finding: located({
          code: ['  if (available < count) return false;', '  stock.set(id, available - count);'],
          symbol: null,
        }),
      },
      { name: 'one line fewer', finding: located({ code: ['  if (available <= count) return false;'] }) },
      {
        name: 'the same lines in another order',
        finding: located({
          code: ['  stock.set(id, available - count);', '  if (available <= count) return false;'],
          symbol: null,
        }),
      },
      { name: 'the same code in another file', finding: located({ path: 'src/warehouse/stock.ts' }) },
    ])('$name › another fingerprint', ({ finding }) => {
      expect(fingerprintFinding(finding)).not.toBe(original);
    });
  });
});
