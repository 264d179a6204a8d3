import { describe, expect, it } from 'vitest';
import type { Convention, RepositoryLearnings } from '../../../src/review/learnings/learning-types.js';
import { organisationRepository, reviewLearnings } from '../../../src/review/learnings/review-learnings.js';
import { REPOSITORY, SAFETY_STOCK, signal } from './learning-factories.js';

const convention = (id: string, rule: string, at: number): Convention => ({
  id,
  rule,
  paths: [],
  pullNumber: 3,
  commentId: 2_000_000_000 + at,
  url: null,
  by: 'hubot',
  at,
});

describe('reviewLearnings', () => {
  const own: RepositoryLearnings = {
    signals: [signal(SAFETY_STOCK, 'thumbs-down')],
    conventions: [
      convention('a1b2c3d', 'We return null on purpose.', 1_000),
      convention('0f0f0f0', 'Forgotten.', 1_000),
    ],
    forgotten: new Map([['0f0f0f0', 2_000]]),
  };
  const organisation: RepositoryLearnings = {
    signals: [signal(SAFETY_STOCK, 'thumbs-down', { pull: 99 })],
    conventions: [convention('c0ffee0', 'Amounts are integer cents.', 1_500)],
    forgotten: new Map(),
  };

  it("the repository's judged findings; its conventions and its organisation's, less those forgotten", () => {
    const learned = reviewLearnings(REPOSITORY, own, organisation, 0.7);
    expect(learned.judged.map((item) => item.pullNumber)).toEqual([7]);
    expect(learned.conventions.map((item) => item.id)).toEqual(['a1b2c3d', 'c0ffee0']);
  });

  it('a convention learned again after it was forgotten › in force again', () => {
    const relearned = { ...own, conventions: [convention('0f0f0f0', 'Forgotten.', 3_000)] };
    expect(reviewLearnings(REPOSITORY, relearned, null, 0.7).conventions.map((item) => item.id)).toEqual([
      '0f0f0f0',
    ]);
  });

  it("the organisation's repository › acme/.github", () => {
    expect(organisationRepository('acme/inventory')).toBe('acme/.github');
  });
});
