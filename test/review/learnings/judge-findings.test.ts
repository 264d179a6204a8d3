import { describe, expect, it } from 'vitest';
import { judgeFindings } from '../../../src/review/learnings/judge-findings.js';
import { learningId } from '../../../src/review/learnings/learning-id.js';
import type { SignalKind, SignalRole } from '../../../src/review/learnings/learning-types.js';
import { learnings, REPOSITORY, SAFETY_STOCK, signal } from './learning-factories.js';

const verdictOf = (...signals: Array<[SignalKind, SignalRole]>) =>
  judgeFindings(
    REPOSITORY,
    learnings(signals.map(([kind, role], n) => signal(SAFETY_STOCK, kind, { role, by: `user${n}` }))),
  )[0]?.verdict;

describe('judgeFindings', () => {
  it.each<[string, Array<[SignalKind, SignalRole]>, number]>([
    ["a reviewer's 👎 › rejected with full weight", [['thumbs-down', 'reviewer']], 1],
    ['a reviewer resolved its thread, code unchanged › rejected', [['dismissed', 'reviewer']], 1],
    ["the author's dispute, the author has write access › half", [['disputed', 'author-writer']], 0.5],
    ["the author's 👎, without write access › weighs nothing", [['thumbs-down', 'author']], 0],
    [
      'a 👎 and a 👍 from reviewers › cancel out',
      [
        ['thumbs-down', 'reviewer'],
        ['thumbs-up', 'reviewer'],
      ],
      0,
    ],
    [
      "fixed before merge, even after the author's 👎 › accepted",
      [
        ['thumbs-down', 'author-writer'],
        ['fixed', 'author'],
      ],
      -0.5,
    ],
    ['fixed › accepted with full weight, whoever pushed the fix', [['fixed', 'author']], -1],
    [
      "two reviewers' 👎 › the strongest counts, not the sum",
      [
        ['thumbs-down', 'reviewer'],
        ['dismissed', 'reviewer'],
      ],
      1,
    ],
  ])('%s', (_, signals, verdict) => {
    expect(verdictOf(...signals)).toBe(verdict);
  });

  it('signals about one finding on two pull requests › two judged findings with their own ids', () => {
    const judged = judgeFindings(
      REPOSITORY,
      learnings([
        signal(SAFETY_STOCK, 'thumbs-down', { pull: 7 }),
        signal(SAFETY_STOCK, 'thumbs-down', { pull: 9, at: 2_000 }),
      ]),
    );
    expect(judged.map((item) => [item.pullNumber, item.id])).toEqual([
      [9, learningId('finding', REPOSITORY, 9, SAFETY_STOCK.fingerprint)],
      [7, learningId('finding', REPOSITORY, 7, SAFETY_STOCK.fingerprint)],
    ]);
  });

  it('forgotten › its signals no longer count; a 👎 given after the forget counts again', () => {
    const id = learningId('finding', REPOSITORY, 7, SAFETY_STOCK.fingerprint);
    const before = signal(SAFETY_STOCK, 'thumbs-down', { at: 1_000 });
    expect(judgeFindings(REPOSITORY, learnings([before], [[id, 1_500]]))).toEqual([]);
    const after = signal(SAFETY_STOCK, 'dismissed', { at: 2_000, by: 'monalisa' });
    expect(judgeFindings(REPOSITORY, learnings([before, after], [[id, 1_500]]))).toMatchObject([
      { id, verdict: 1, signals: [after] },
    ]);
  });
});
