import { describe, expect, it } from 'vitest';
import type { Side } from '../../../src/diff/types.js';
import { anchorFindings } from '../../../src/review/anchor-findings/anchor-findings.js';
import type { Finding } from '../../../src/review/types.js';

function finding(title: string, overrides: Partial<Finding> = {}): Finding {
  return {
    pass: 'correctness',
    category: 'bug',
    severity: 'major',
    title,
    body: 'Reserving exactly the available count returns false.',
    evidence: ['src/stock.ts:6'],
    suggestion: '  if (available < count) return false;',
    path: 'src/stock.ts',
    side: 'RIGHT',
    startLine: 6,
    endLine: 6,
    withinOneHunk: true,
    code: ['  if (available <= count) return false;'],
    symbol: null,
    confidence: 0.86,
    votes: 3,
    verdict: 'confirmed',
    fingerprint: '0123456789abcdef',
    ...overrides,
  };
}

describe('anchorFindings', () => {
  it.each<{
    name: string;
    side: Side;
    withinOneHunk: boolean;
    where: 'inline' | 'summaryOnly';
    keepsSuggestion: boolean;
  }>([
    {
      name: 'new-version lines inside one hunk',
      side: 'RIGHT',
      withinOneHunk: true,
      where: 'inline',
      keepsSuggestion: true,
    },
    {
      name: 'removed lines inside one hunk',
      side: 'LEFT',
      withinOneHunk: true,
      where: 'inline',
      keepsSuggestion: false,
    },
    {
      name: 'new-version lines across two hunks',
      side: 'RIGHT',
      withinOneHunk: false,
      where: 'summaryOnly',
      keepsSuggestion: false,
    },
    {
      name: 'removed lines across two hunks',
      side: 'LEFT',
      withinOneHunk: false,
      where: 'summaryOnly',
      keepsSuggestion: false,
    },
  ])(
    '$name › $where, suggestion kept: $keepsSuggestion',
    ({ side, withinOneHunk, where, keepsSuggestion }) => {
      const input = finding('Off by one', {
        side,
        withinOneHunk,
        startLine: 6,
        endLine: withinOneHunk ? 7 : 21,
      });
      const anchored = anchorFindings([input]);
      const other = where === 'inline' ? 'summaryOnly' : 'inline';
      expect(anchored[other]).toEqual([]);
      expect(anchored[where]).toEqual([
        { ...input, suggestion: keepsSuggestion ? '  if (available < count) return false;' : null },
      ]);
    },
  );

  it('a finding without a suggestion › unchanged', () => {
    const input = finding('Missing await', { suggestion: null });
    expect(anchorFindings([input]).inline).toEqual([input]);
  });

  it('a mix › each list keeps the ranked order', () => {
    const { inline, summaryOnly } = anchorFindings([
      finding('critical inline', { severity: 'critical' }),
      finding('critical across hunks', { severity: 'critical', withinOneHunk: false }),
      finding('major on a removed line', { side: 'LEFT' }),
      finding('major across hunks', { withinOneHunk: false }),
      finding('minor inline', { severity: 'minor' }),
    ]);
    expect(inline.map((item) => item.title)).toEqual([
      'critical inline',
      'major on a removed line',
      'minor inline',
    ]);
    expect(summaryOnly.map((item) => item.title)).toEqual(['critical across hunks', 'major across hunks']);
  });

  it('no findings › both lists empty', () => {
    expect(anchorFindings([])).toEqual({ inline: [], summaryOnly: [] });
  });
});
