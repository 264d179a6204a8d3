import { describe, expect, it } from 'vitest';
import { findingTraits } from '../../../src/review/learnings/finding-traits.js';
import { signalsOf } from '../../../src/review/learnings/signals-of.js';
import { postedFinding, RESERVE, scored } from '../support/sift-findings.js';

const FINDING = scored(RESERVE);
const TRAITS = findingTraits(FINDING);
const PEOPLE = { pullNumber: 7, pullAuthor: 'octocat', authorCanWrite: true };

const kindsOf = (
  state: Parameters<typeof postedFinding>[1],
  options: { people?: typeof PEOPLE; fate?: 'fixed' | 'dismissed'; remembered?: boolean } = {},
) =>
  signalsOf(
    [postedFinding(FINDING, state)],
    options.remembered === false ? [] : [TRAITS],
    options.people ?? PEOPLE,
    {
      at: 1_000,
      ...(options.fate ? { fates: new Map([[FINDING.fingerprint, options.fate]]) } : {}),
    },
  ).map((signal) => [signal.kind, signal.by, signal.role]);

describe('signalsOf', () => {
  it("a reviewer's 👎 and the author's 👍 › one signal each, with their roles and the finding's traits", () => {
    const signals = signalsOf(
      [postedFinding(FINDING, { thumbsDownBy: ['hubot'], thumbsUpBy: ['octocat'] })],
      [TRAITS],
      PEOPLE,
      {
        at: 1_000,
      },
    );
    expect(signals).toEqual([
      { pullNumber: 7, kind: 'thumbs-down', by: 'hubot', role: 'reviewer', at: 1_000, finding: TRAITS },
      { pullNumber: 7, kind: 'thumbs-up', by: 'octocat', role: 'author-writer', at: 1_000, finding: TRAITS },
    ]);
  });

  it('a finding Sift did not remember posting (learning was off) › nothing', () => {
    expect(kindsOf({ thumbsDownBy: ['hubot'] }, { remembered: false })).toEqual([]);
  });

  it('the 👎 of an author without write access › left out: it teaches nothing', () => {
    expect(kindsOf({ thumbsDownBy: ['octocat'] }, { people: { ...PEOPLE, authorCanWrite: false } })).toEqual(
      [],
    );
  });

  it("fixed, on an outside contributor's pull request › a fixed signal all the same", () => {
    expect(kindsOf({}, { people: { ...PEOPLE, authorCanWrite: false }, fate: 'fixed' })).toEqual([
      ['fixed', 'octocat', 'author'],
    ]);
  });

  it('dismissed: resolved by a reviewer, code unchanged › a dismissed signal by the resolver', () => {
    expect(kindsOf({ isResolved: true, resolvedBy: 'hubot' }, { fate: 'dismissed' })).toEqual([
      ['dismissed', 'hubot', 'reviewer'],
    ]);
  });

  it('resolved by a bot › no dismissal', () => {
    expect(kindsOf({ isResolved: true, resolvedBy: 'sift-review[bot]' }, { fate: 'dismissed' })).toEqual([]);
  });
});
