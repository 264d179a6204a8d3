import { describe, expect, it } from 'vitest';
import { judgeFindings } from '../../../src/review/learnings/judge-findings.js';
import type { FeedbackSignal } from '../../../src/review/learnings/learning-types.js';
import { weighLearnings } from '../../../src/review/learnings/weigh-learnings.js';
import {
  learnings,
  onAnotherPull,
  REPOSITORY,
  REVERSED_RANGE,
  SAFETY_STOCK,
  signal,
} from './learning-factories.js';

/** The safety-stock finding again, on pull request 12. */
const AGAIN = onAnotherPull(SAFETY_STOCK, 12);

const weigh = (signals: FeedbackSignal[], confidence = 0.75) =>
  weighLearnings(AGAIN, confidence, judgeFindings(REPOSITORY, learnings(signals)));

describe('weighLearnings', () => {
  it('nothing judged › unchanged', () => {
    expect(weigh([])).toMatchObject({ evidence: 0, held: false, confidence: 0.75 });
  });

  it("one reviewer's 👎 on a finding like it › held back, naming that finding", () => {
    const verdict = weigh([signal(SAFETY_STOCK, 'thumbs-down')]);
    expect(verdict).toMatchObject({ evidence: 1, held: true, confidence: 0.75 });
    expect(verdict.dismissedLike.map((item) => item.pullNumber)).toEqual([7]);
  });

  it("the author's own dispute alone › not held back; confidence lowered by 0.075", () => {
    expect(weigh([signal(SAFETY_STOCK, 'disputed', { role: 'author-writer' })])).toMatchObject({
      evidence: 0.5,
      held: false,
      confidence: 0.675,
    });
  });

  it('two authors dismissed it on two pull requests › held back', () => {
    const verdict = weigh([
      signal(SAFETY_STOCK, 'dismissed', { role: 'author-writer', pull: 7 }),
      signal(onAnotherPull(SAFETY_STOCK, 9), 'thumbs-down', {
        role: 'author-writer',
        pull: 9,
        by: 'monalisa',
      }),
    ]);
    expect(verdict).toMatchObject({ evidence: 1, held: true });
  });

  it('authors without write access, however many › nothing', () => {
    const signals = [7, 8, 9, 10].map((pull) =>
      signal(onAnotherPull(SAFETY_STOCK, pull), 'thumbs-down', {
        role: 'author',
        pull,
        by: `drive-by-${pull}`,
      }),
    );
    expect(weigh(signals)).toMatchObject({ evidence: 0, held: false, confidence: 0.75 });
  });

  it('dismissed once by a reviewer, fixed once elsewhere › the fix cancels it: posted as before', () => {
    const verdict = weigh([
      signal(SAFETY_STOCK, 'thumbs-down', { pull: 7 }),
      signal(onAnotherPull(SAFETY_STOCK, 9), 'fixed', { pull: 9 }),
    ]);
    expect(verdict).toMatchObject({ evidence: 0, held: false, confidence: 0.75 });
    expect(verdict.acceptedLike).toHaveLength(1);
  });

  it('a dismissed finding of another kind › no bearing', () => {
    expect(weigh([signal(REVERSED_RANGE, 'thumbs-down')])).toMatchObject({ evidence: 0, held: false });
  });
});
