import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/review/pull-request-host.js';
import { decideScope } from '../../../src/review/select-files/decide-scope.js';
import type { ReviewScope } from '../../../src/review/types.js';
import { type PushHistory, pushAfterReview } from '../support/push-history.js';
import { CLIENT_BASE, CLIENT_REVIEWED, RETRY_BASE, RETRY_REVIEWED } from '../support/retry-module.js';

const RETRY = 'src/http/fetch-with-retry.ts';
const CLIENT = 'src/billing/invoice-client.ts';

/** The pull request after a push that changed only `src/billing/invoice-client.ts` since Sift's review. */
let history: PushHistory;
let short: string;
beforeAll(() => {
  history = pushAfterReview({
    base: { [RETRY]: RETRY_BASE, [CLIENT]: CLIENT_BASE },
    reviewed: { [RETRY]: RETRY_REVIEWED, [CLIENT]: CLIENT_REVIEWED },
    push: { [CLIENT]: CLIENT_REVIEWED.replace('maxDelayMs: 2000', 'maxDelayMs: 5000') },
  });
  short = history.reviewed.slice(0, 7);
});

const ahead = (complete = true): Comparison => ({ status: 'ahead', files: history.newFiles, complete });

function decide(scope: ReviewScope, last: string | null, comparison: Comparison | null) {
  const decision = decideScope(scope, history.pullFiles, { lastReviewedHead: last, comparison });
  return {
    files: decision.files.map((file) => file.path),
    skipped: decision.skipped.map((item) => `${item.path}: ${item.reason}`),
    description: decision.description,
  };
}

describe('decideScope', () => {
  describe('without an earlier review', () => {
    it.each<ReviewScope>([{ kind: 'auto' }, { kind: 'new' }])('$kind › the whole pull request', (scope) => {
      expect(decide(scope, null, null)).toEqual({
        files: [CLIENT, RETRY],
        skipped: [],
        description: 'the whole pull request',
      });
    });
  });

  describe('after a review of an ancestor of the head (comparison ahead)', () => {
    it.each<ReviewScope>([{ kind: 'auto' }, { kind: 'new' }])(
      '$kind › only what changed since, named by the short commit id',
      (scope) => {
        expect(decide(scope, history.reviewed, ahead())).toEqual({
          files: [CLIENT],
          skipped: [`${RETRY}: no part of its diff changed since Sift's review of ${short}`],
          description: `what changed since Sift's review of ${short}`,
        });
      },
    );

    it('the compare listing was cut at 300 files › the whole pull request, saying why', () => {
      expect(decide({ kind: 'auto' }, history.reviewed, ahead(false))).toEqual({
        files: [CLIENT, RETRY],
        skipped: [],
        description: 'the whole pull request: too many files changed to review only the new commits',
      });
    });
  });

  describe('when the reviewed commit is no longer behind the head', () => {
    it.each<[Comparison['status'], string, string]>([
      [
        'diverged',
        'blaming a force-push',
        'the whole pull request: the branch was rewritten since SHORT (force-push)',
      ],
      [
        'behind',
        'blaming a force-push',
        'the whole pull request: the branch was rewritten since SHORT (force-push)',
      ],
      [
        'unknown',
        'saying the commit is gone',
        'the whole pull request: the last reviewed commit SHORT is gone',
      ],
    ])('%s › the whole pull request, %s', (status, _, description) => {
      expect(decide({ kind: 'auto' }, history.reviewed, { status } as Comparison)).toEqual({
        files: [CLIENT, RETRY],
        skipped: [],
        description: description.replace('SHORT', short),
      });
    });
  });

  it('identical (the head is the reviewed commit) › nothing is new, and no force-push is claimed', () => {
    expect(decide({ kind: 'new' }, history.reviewed, { status: 'identical' })).toEqual({
      files: [],
      skipped: [
        `${CLIENT}: no part of its diff changed since Sift's review of ${short}`,
        `${RETRY}: no part of its diff changed since Sift's review of ${short}`,
      ],
      description: `what changed since Sift's review of ${short}`,
    });
  });

  it('full, even after an earlier review › the whole pull request', () => {
    expect(decide({ kind: 'full' }, history.reviewed, ahead())).toEqual({
      files: [CLIENT, RETRY],
      skipped: [],
      description: 'the whole pull request',
    });
  });

  it('paths › the matching files, the others named as left out', () => {
    expect(decide({ kind: 'paths', glob: 'src/http/**' }, history.reviewed, ahead())).toEqual({
      files: [RETRY],
      skipped: [`${CLIENT}: not matched by \`/review src/http/**\``],
      description: 'the files matching `src/http/**`',
    });
  });
});
