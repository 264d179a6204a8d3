import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS_BOT, startActionScenario } from '../support/action-harness.js';
import { ACTION_SCRIPT } from './action-script.js';

type Scenario = Awaited<ReturnType<typeof startActionScenario>>;
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.stop();
  scenario = undefined;
});

const RUN_TIMEOUT = 60_000;

describe('the bundled Action on issue_comment', () => {
  it(
    '`/review` from a reader › acknowledged, refused with a reply that says who may ask, nothing reviewed',
    async () => {
      scenario = await startActionScenario({
        fixture: 'inventory',
        script: ACTION_SCRIPT,
        permissions: { octocat: 'write', mallory: 'read' },
      });
      const run = await scenario.run(scenario.commentEvent('/review', 'mallory'));

      expect(run.exitCode).toBe(0);
      expect(scenario.github.reactions).toEqual([{ commentId: 5001, content: 'eyes' }]);
      expect(scenario.github.issueComments).toEqual([
        {
          id: expect.any(Number),
          body: 'Sift takes `/review` commands from people with write access to acme/inventory.',
          user: ACTIONS_BOT,
          pullNumber: 7,
        },
      ]);
      expect(scenario.github.reviews).toEqual([]);
      expect(scenario.model.requests).toEqual([]);
      expect(run.summary).toContain('`/review` from @mallory on #7: refused: no write access.');
      expect(run.outputs).toMatchObject({ result: 'refused: no write access', findings: '0' });
      expect(scenario.github.unexpected).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    '`/review` from a writer › one review of the pull request, reported in the job summary',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run(scenario.commentEvent('Could you look again?\n/review'));

      expect(run.exitCode).toBe(0);
      expect(scenario.github.reactions).toEqual([{ commentId: 5001, content: 'eyes' }]);
      expect(scenario.github.reviews).toHaveLength(1);
      expect(run.summary).toContain('`/review` from @octocat on #7: review queued.');
      expect(run.summary).toContain('## Sift: 2 findings posted');
      expect(run.outputs).toMatchObject({ result: 'posted', findings: '2' });
    },
    RUN_TIMEOUT,
  );

  it(
    'a comment without `/review` › nothing is asked of GitHub or the model',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run(scenario.commentEvent('Looks good to me.'));

      expect(run.exitCode).toBe(0);
      expect(scenario.github.requests).toEqual([]);
      expect(run.summary).toContain('Sift: nothing to do. The comment has no `/review` command.');
      expect(run.outputs).toMatchObject({ result: 'ignored' });
    },
    RUN_TIMEOUT,
  );

  it(
    '`/review stats` › answered that the Action keeps no records',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run(scenario.commentEvent('/review stats'));

      expect(run.exitCode).toBe(0);
      expect(scenario.github.issueComments.map((comment) => comment.body)).toEqual([
        'The Sift GitHub Action keeps no records between runs, so it has no statistics for this repository; the Sift app keeps them.',
      ]);
    },
    RUN_TIMEOUT,
  );
});
