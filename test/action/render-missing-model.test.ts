import { describe, expect, it } from 'vitest';
import type { ActionEvent } from '../../src/action/read-action-event.js';
import { renderMissingModel } from '../../src/action/render-missing-model.js';

const review = (fields: Partial<Extract<ActionEvent, { kind: 'review' }>>): ActionEvent => ({
  kind: 'review',
  pullNumber: 7,
  headSha: '60c8b975d5898e70e1416c00031e7c02f2365bdb',
  baseRef: 'main',
  trigger: 'opened',
  fork: null,
  author: 'octocat',
  target: false,
  ...fields,
});
const command: ActionEvent = {
  kind: 'command',
  pullNumber: 7,
  command: { kind: 'review', scope: 'new' },
  commentId: 1,
  author: 'octocat',
  pullAuthor: 'octocat',
  privateRepository: false,
  pullState: 'open',
  merged: false,
};

describe('renderMissingModel', () => {
  it.each([
    [
      'a fork’s pull_request run (GitHub gives it no secrets)',
      review({ fork: 'someone/inventory' }),
      false,
      '## Sift did not review this pull request: it comes from a fork',
    ],
    [
      'Dependabot’s pull_request run (its own secrets only)',
      review({ author: 'dependabot[bot]' }),
      false,
      '## Sift did not review this pull request: Dependabot opened it',
    ],
    ['a branch of the repository', review({}), true, '## Sift could not review: no model was given'],
    [
      'another bot’s pull request (it gets the secrets)',
      review({ author: 'renovate[bot]' }),
      true,
      'no model was given',
    ],
    [
      'a fork on pull_request_target (the secrets are there)',
      review({ fork: 'someone/inventory', target: true }),
      true,
      'no model was given',
    ],
    ['a `/review` comment (the secrets are there)', command, true, 'no model was given'],
  ])('%s › fails: %s', (_, event, fails, heading) => {
    const missing = renderMissingModel(event, { actionRef: 'acme/sift@v1' });
    expect(missing.fails).toBe(fails);
    expect(missing.markdown).toContain(heading);
  });

  it('the fork recipe › the step’s own `uses:`, or a line that says what to put there', () => {
    const fork = review({ fork: 'someone/inventory' });
    expect(renderMissingModel(fork, { actionRef: 'acme/sift@v1' }).markdown).toContain(
      '      - uses: acme/sift@v1\n',
    );
    expect(renderMissingModel(fork, { actionRef: null }).markdown).toContain(
      '      - uses: OWNER/REPO@REF # the same `uses:` as in this workflow\n',
    );
  });
});
