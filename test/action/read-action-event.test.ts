import { describe, expect, it } from 'vitest';
import { readActionEvent } from '../../src/action/read-action-event.js';
import { EnvInvalidError } from '../../src/errors.js';

const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const REPOSITORY = { full_name: 'acme/inventory' };

const pullRequestEvent = (action: string, pull: Record<string, unknown> = {}) => ({
  action,
  pull_request: {
    number: 7,
    state: 'open',
    user: { login: 'octocat', type: 'User' },
    head: { sha: HEAD, repo: REPOSITORY },
    base: { ref: 'main', repo: REPOSITORY },
    ...pull,
  },
});

const commentEvent = (comment: Record<string, unknown>, issue: Record<string, unknown> = {}) => ({
  action: 'created',
  repository: { private: true },
  issue: {
    number: 7,
    state: 'open',
    user: { login: 'octocat' },
    pull_request: { merged_at: null },
    ...issue,
  },
  comment: { id: 5001, body: '/review', user: { login: 'hubot', type: 'User' }, ...comment },
});

describe('readActionEvent', () => {
  describe('pull_request', () => {
    it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])(
      '%s › a review of its head',
      (action) => {
        expect(readActionEvent('pull_request', pullRequestEvent(action))).toEqual({
          kind: 'review',
          pullNumber: 7,
          headSha: HEAD,
          baseRef: 'main',
          trigger: action,
          fork: null,
          author: 'octocat',
          target: false,
        });
      },
    );

    it.each([
      ['labeled', /this run is for `labeled`, so there is nothing to review/],
      ['closed', /this run is for `closed`/],
    ])('%s › nothing to do, and why', (action, reason) => {
      const event = readActionEvent('pull_request', pullRequestEvent(action));
      expect(event).toEqual({ kind: 'ignored', reason: expect.stringMatching(reason) });
    });

    it('from a fork › the fork is named', () => {
      const event = readActionEvent(
        'pull_request',
        pullRequestEvent('opened', { head: { sha: HEAD, repo: { full_name: 'someone/inventory' } } }),
      );
      expect(event).toMatchObject({ kind: 'review', fork: 'someone/inventory', target: false });
    });

    it('from a fork that was deleted since › still a fork', () => {
      const event = readActionEvent(
        'pull_request',
        pullRequestEvent('synchronize', { head: { sha: HEAD, repo: null } }),
      );
      expect(event).toMatchObject({ fork: 'a deleted fork' });
    });

    it('on pull_request_target › marked as running the base branch’s workflow', () => {
      expect(readActionEvent('pull_request_target', pullRequestEvent('opened'))).toMatchObject({
        target: true,
      });
    });

    it('a head that is not a commit id › an error naming the field', () => {
      expect(() =>
        readActionEvent('pull_request', pullRequestEvent('opened', { head: { sha: 'main', repo: null } })),
      ).toThrow(
        /the pull_request event in GITHUB_EVENT_PATH is not one GitHub sends: pull_request\.head\.sha/,
      );
    });
  });

  describe('issue_comment', () => {
    it('`/review full` by a person on a pull request › the command', () => {
      expect(readActionEvent('issue_comment', commentEvent({ body: 'Please:\n/review full' }))).toEqual({
        kind: 'command',
        pullNumber: 7,
        command: { kind: 'review', scope: 'full' },
        commentId: 5001,
        author: 'hubot',
        pullAuthor: 'octocat',
        privateRepository: true,
        pullState: 'open',
        merged: false,
      });
    });

    it.each([
      [
        'a comment without a command',
        commentEvent({ body: 'LGTM' }),
        'The comment has no `/review` command.',
      ],
      [
        'a bot’s comment',
        commentEvent({ user: { login: 'sift[bot]', type: 'Bot' } }),
        'The comment is by a bot.',
      ],
      [
        'a comment on an issue',
        commentEvent({}, { pull_request: undefined }),
        'The comment is on an issue, not a pull request.',
      ],
      ['an edited comment', { ...commentEvent({}), action: 'edited' }, 'A comment was edited, not written.'],
    ])('%s › nothing to do', (_, payload, reason) => {
      expect(readActionEvent('issue_comment', payload)).toEqual({ kind: 'ignored', reason });
    });
  });

  it('an event Sift does not review (push) › an error that says which events to use', () => {
    expect(() => readActionEvent('push', {})).toThrow(EnvInvalidError);
    expect(() => readActionEvent('push', {})).toThrow(
      /the workflow runs Sift on `push`: Sift reviews `pull_request` \(or `pull_request_target`\) .* Change the workflow's `on:`/,
    );
  });
});
