import { describe, expect, it } from 'vitest';
import { alreadySaid, wasDismissed } from '../../../src/review/score-findings/already-said.js';
import { postedFinding, RESERVE, scored } from '../support/sift-findings.js';

/** The finding of the first review, raised again unchanged by the next one. */
const AGAIN = scored(RESERVE);

/** The same defect after a push rewrote the line: a new fingerprint, the same claim. */
const REWRITTEN = scored(RESERVE, {
  title: 'Off-by-one in `reserve`: the last unit can never be sold',
  body: 'When `available` equals `count`, the check `available <= count` is true and the order is refused although the stock covers it.',
  code: ['  if ((stock.get(id) ?? 0) <= count) return false;'],
  startLine: 5,
  endLine: 5,
});

/** Another problem in the same file. */
const OTHER = scored(RESERVE, {
  title: '`lowStock` sorts by name with the default locale',
  body: '`localeCompare` without a locale sorts differently on each server, so the low-stock report changes order between hosts.',
  code: ['  return low.sort((a, b) => a.name.localeCompare(b.name));'],
  symbol: 'lowStock',
  startLine: 21,
  endLine: 21,
  category: 'maintainability',
});

describe('alreadySaid', () => {
  it('fingerprints of the two findings differ, as a push that rewrites the line makes them', () => {
    expect(REWRITTEN.fingerprint).not.toBe(AGAIN.fingerprint);
  });

  describe('a finding still open', () => {
    const said = alreadySaid([postedFinding(scored(RESERVE))], new Set());

    it('the same fingerprint › already said', () => {
      expect(said(AGAIN)).toBe(true);
    });

    it('the same claim on rewritten code (another fingerprint) › already said', () => {
      expect(said(REWRITTEN)).toBe(true);
    });

    it('the same claim on another file › not said', () => {
      expect(said(scored(REWRITTEN, { path: 'src/warehouse/stock.ts', symbol: null }))).toBe(false);
    });

    it('another problem in the same file › not said', () => {
      expect(said(OTHER)).toBe(false);
    });
  });

  describe('a finding people dismissed', () => {
    it.each([
      ['with 👎', { thumbsDownBy: ['octocat'] }],
      ['resolved by hand', { isResolved: true, resolvedBy: 'octocat' }],
    ])('%s, its fingerprint in the dismissed set › already said', (_, state) => {
      const posted = postedFinding(scored(RESERVE), state);
      expect(alreadySaid([posted], new Set([posted.marker.fingerprint]))(AGAIN)).toBe(true);
    });

    it.each([
      ['with 👎', { thumbsDownBy: ['octocat'] }],
      ['resolved by hand', { isResolved: true, resolvedBy: 'octocat' }],
    ])('%s › already said, from the thread alone', (_, state) => {
      expect(alreadySaid([postedFinding(scored(RESERVE), state)], new Set())(AGAIN)).toBe(true);
    });

    it('disputed in a reply on a thread since resolved › its fingerprint alone blocks it', () => {
      expect(alreadySaid([], new Set([AGAIN.fingerprint]))(AGAIN)).toBe(true);
    });
  });

  describe('a finding Sift resolved as fixed', () => {
    const said = alreadySaid(
      [postedFinding(scored(RESERVE), { isResolved: true, resolvedBy: 'sift-review[bot]' })],
      new Set(),
    );

    it('the same fingerprint again (a regression) › may be raised again', () => {
      expect(said(AGAIN)).toBe(false);
    });

    it('the same claim again › may be raised again', () => {
      expect(said(REWRITTEN)).toBe(false);
    });
  });
});

describe('wasDismissed', () => {
  it.each([
    ['open, no reaction', {}, false],
    ['👎', { thumbsDownBy: ['octocat'] }, true],
    ['resolved by a person', { isResolved: true, resolvedBy: 'octocat' }, true],
    ['resolved by Sift as fixed', { isResolved: true, resolvedBy: 'sift-review[bot]' }, false],
    ['resolved, resolver unknown', { isResolved: true, resolvedBy: null }, false],
  ] as const)('%s › %s', (_, state, dismissed) => {
    expect(wasDismissed(postedFinding(scored(RESERVE), state), new Set())).toBe(dismissed);
  });

  it('disputed in a reply › dismissed', () => {
    const posted = postedFinding(scored(RESERVE));
    expect(wasDismissed(posted, new Set([posted.marker.fingerprint]))).toBe(true);
  });
});
