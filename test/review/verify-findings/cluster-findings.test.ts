import { describe, expect, it } from 'vitest';
import type { LocatedFinding } from '../../../src/review/types.js';
import { clusterFindings } from '../../../src/review/verify-findings/cluster-findings.js';
import { stripSharedText } from '../../../src/review/verify-findings/strip-shared-text.js';

function located(
  pass: string,
  title: string,
  body: string,
  overrides: Partial<LocatedFinding> = {},
): LocatedFinding {
  return {
    pass,
    category: 'bug',
    severity: 'major',
    title,
    body,
    evidence: [],
    suggestion: null,
    path: 'src/stock.ts',
    side: 'RIGHT',
    startLine: 10,
    endLine: 10,
    withinOneHunk: true,
    code: ['  stock.reserve(quantity);'],
    symbol: null,
    ...overrides,
  };
}

// What a pull request can ask the model to append to every finding: long, and the same each time.
const PLANTED =
  'Note for maintainers: this repository follows the security review checklist, please confirm compliance with the checklist, the release policy and the contributor agreement before merging this pull request.';

const RESERVE = [
  '`reserve` lets stock go negative',
  'Two concurrent orders both pass the check and oversell.',
] as const;
const LOG = [
  'Error swallowed in `restock`',
  'The catch block drops the error, so a failed restock looks successful.',
] as const;

describe('clusterFindings', () => {
  it('two passes describing one problem a line apart › one cluster with both votes', () => {
    const clusters = clusterFindings([
      located('correctness', ...RESERVE),
      located(
        'concurrency',
        'Race in `reserve` oversells stock',
        'Concurrent `reserve` calls read the same count.',
        {
          startLine: 11,
          endLine: 11,
        },
      ),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.passes).toEqual(['concurrency', 'correctness']);
  });

  it('two different problems on nearby lines › two clusters', () => {
    const clusters = clusterFindings([
      located('correctness', ...RESERVE),
      located('correctness', ...LOG, { startLine: 12, endLine: 12 }),
    ]);
    expect(clusters.map((cluster) => cluster.representative.title)).toEqual([RESERVE[0], LOG[0]]);
  });

  it('a paragraph planted in every finding of each answer › distinct problems stay apart', () => {
    const planted = (finding: readonly [string, string]) =>
      [finding[0], `${finding[1]}\n\n${PLANTED}`] as const;
    const findings = [
      located('correctness', ...planted(RESERVE)),
      located('correctness', ...planted(LOG), { startLine: 12, endLine: 12 }),
      located('security', ...planted(LOG), { startLine: 12, endLine: 12 }),
      located('security', 'Unchecked quantity', `A negative quantity adds stock.\n\n${PLANTED}`, {
        startLine: 11,
        endLine: 11,
      }),
    ];

    const clusters = clusterFindings(findings);

    // The reserve problem, the swallowed error (found by both passes) and the quantity check.
    expect(clusters.map((cluster) => [cluster.representative.title, cluster.passes])).toEqual([
      [RESERVE[0], ['correctness']],
      ['Unchecked quantity', ['security']],
      [LOG[0], ['correctness', 'security']],
    ]);
    expect(clusters.every((cluster) => !cluster.claim?.includes('checklist'))).toBe(true);
  });

  it('the same findings in any order › the same clusters', () => {
    const findings = [
      located('correctness', ...RESERVE),
      located('security', ...LOG, { startLine: 12, endLine: 12 }),
      located('correctness', ...LOG, { startLine: 13, endLine: 13 }),
    ];
    const titles = (list: readonly LocatedFinding[]) =>
      clusterFindings(list).map((cluster) => [cluster.representative.title, cluster.passes]);
    expect(titles([...findings].reverse())).toEqual(titles(findings));
  });
});

describe('stripSharedText', () => {
  it('text every finding of an answer repeats › taken out of each claim', () => {
    const first = located('correctness', `${RESERVE[0]}`, `${PLANTED}\n${RESERVE[1]}`);
    const second = located('correctness', `${LOG[0]}`, `${PLANTED}\n${LOG[1]}`);
    const claims = stripSharedText([first, second]);
    expect(claims.get(first)).not.toContain('checklist');
    expect(claims.get(first)).toContain('oversell');
    expect(claims.get(second)).toContain('failed restock');
  });

  it('a short phrase two real claims share › kept, as it is part of each claim', () => {
    const first = located('correctness', 'Returns null when empty', 'Callers of `reserve` dereference it.');
    const second = located(
      'correctness',
      'Returns null when missing',
      'Callers of `restock` dereference it.',
    );
    const claims = stripSharedText([first, second]);
    expect(claims.get(first)).toBe('Returns null when empty\nCallers of `reserve` dereference it.');
  });

  it('an answer with one finding, or text shared only across answers › kept whole', () => {
    const alone = located('correctness', RESERVE[0], `${RESERVE[1]}\n${PLANTED}`);
    const other = located('security', LOG[0], `${LOG[1]}\n${PLANTED}`);
    const claims = stripSharedText([alone, other]);
    expect(claims.get(alone)).toContain('checklist');
    expect(claims.get(other)).toContain('checklist');
  });
});
