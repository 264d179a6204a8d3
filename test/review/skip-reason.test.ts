import { describe, expect, it } from 'vitest';
import { DEFAULT_REPO_CONFIG, type RepoConfig } from '../../src/config/repo-config-schema.js';
import { type ReviewTrigger, skipReason } from '../../src/review/skip-reason.js';
import type { PullRequestChange } from '../../src/review/types.js';

type Pull = Pick<PullRequestChange, 'state' | 'draft' | 'author' | 'labels'>;

const pull = (overrides: Partial<Pull> = {}): Pull => ({
  state: 'open',
  draft: false,
  author: { login: 'octocat', isBot: false },
  labels: [],
  ...overrides,
});
const dependabot = { login: 'dependabot[bot]', isBot: true };
const autoReview = (overrides: Partial<RepoConfig['autoReview']> = {}): RepoConfig['autoReview'] => ({
  ...DEFAULT_REPO_CONFIG.autoReview,
  ...overrides,
});

const AUTOMATIC: ReviewTrigger[] = ['opened', 'reopened', 'synchronize', 'ready_for_review'];

describe('skipReason', () => {
  it.each(AUTOMATIC)('an open, ready pull request by a person, on %s › reviewed', (trigger) => {
    expect(skipReason(pull(), autoReview(), trigger)).toBeNull();
  });

  it.each<[string, Pull, RepoConfig['autoReview'], ReviewTrigger, string | null]>([
    ['closed', pull({ state: 'closed' }), autoReview(), 'reopened', 'The pull request is closed.'],
    [
      'a draft, drafts off',
      pull({ draft: true }),
      autoReview(),
      'opened',
      'Draft pull requests are not reviewed (`autoReview.drafts: false`). Sift reviews it when it is marked ready for review.',
    ],
    ['a draft, drafts on', pull({ draft: true }), autoReview({ drafts: true }), 'synchronize', null],
    [
      'by a bot, bots off',
      pull({ author: dependabot }),
      autoReview(),
      'opened',
      'Pull requests opened by bots are not reviewed (`autoReview.bots: false`); this one is by dependabot[bot].',
    ],
    ['by a bot, bots on', pull({ author: dependabot }), autoReview({ bots: true }), 'opened', null],
    [
      'labelled sift:skip',
      pull({ labels: ['enhancement', 'sift:skip'] }),
      autoReview(),
      'opened',
      'The pull request is labelled `sift:skip` (`autoReview.skipLabels`).',
    ],
    [
      'labelled with a configured skip label',
      pull({ labels: ['wip'] }),
      autoReview({ skipLabels: ['wip', 'do not review'] }),
      'synchronize',
      'The pull request is labelled `wip` (`autoReview.skipLabels`).',
    ],
    [
      'labelled sift:skip when the repository replaced the skip labels',
      pull({ labels: ['sift:skip'] }),
      autoReview({ skipLabels: ['wip'] }),
      'opened',
      null,
    ],
    ['with a label differing only in case', pull({ labels: ['Sift:Skip'] }), autoReview(), 'opened', null],
    [
      'a push, onPush off',
      pull(),
      autoReview({ onPush: false }),
      'synchronize',
      'New pushes are not reviewed (`autoReview.onPush: false`).',
    ],
    ['opened, onPush off', pull(), autoReview({ onPush: false }), 'opened', null],
    ['marked ready for review, onPush off', pull(), autoReview({ onPush: false }), 'ready_for_review', null],
  ])('%s › %s', (_, subject, settings, trigger, expected) => {
    expect(skipReason(subject, settings, trigger)).toBe(expected);
  });

  it('gives the first reason when several apply: closed, then draft, bot, label, push', () => {
    const everything = pull({ draft: true, author: dependabot, labels: ['sift:skip'] });
    const off = autoReview({ onPush: false });
    expect(skipReason({ ...everything, state: 'closed' }, off, 'synchronize')).toBe(
      'The pull request is closed.',
    );
    expect(skipReason(everything, off, 'synchronize')).toMatch(/^Draft pull requests/);
    expect(skipReason({ ...everything, draft: false }, off, 'synchronize')).toMatch(
      /^Pull requests opened by bots/,
    );
    expect(skipReason({ ...everything, draft: false }, { ...off, bots: true }, 'synchronize')).toMatch(
      /labelled `sift:skip`/,
    );
  });

  describe('a person asking (Re-run on the check, trigger "rerequested")', () => {
    it.each<[string, Pull, RepoConfig['autoReview']]>([
      ['a draft', pull({ draft: true }), autoReview()],
      ['by a bot', pull({ author: dependabot }), autoReview()],
      ['labelled sift:skip', pull({ labels: ['sift:skip'] }), autoReview()],
      ['with onPush off', pull(), autoReview({ onPush: false })],
      [
        'that every automatic rule would skip',
        pull({ draft: true, author: dependabot, labels: ['sift:skip'] }),
        autoReview({ onPush: false }),
      ],
    ])('%s › reviewed anyway', (_, subject, settings) => {
      expect(skipReason(subject, settings, 'rerequested')).toBeNull();
    });

    it('closed › still skipped', () => {
      expect(skipReason(pull({ state: 'closed' }), autoReview(), 'rerequested')).toBe(
        'The pull request is closed.',
      );
    });
  });
});
