import { afterEach, describe, expect, it } from 'vitest';
import { startActionScenario } from '../support/action-harness.js';
import { ACTION_SCRIPT } from './action-script.js';

type Scenario = Awaited<ReturnType<typeof startActionScenario>>;
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.stop();
  scenario = undefined;
});

const RUN_TIMEOUT = 60_000;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('a run that cannot finish', () => {
  it(
    'cancelled while the model thinks (a newer push, with concurrency) › nothing posted, and the summary says so',
    async () => {
      scenario = await startActionScenario({
        fixture: 'inventory',
        script: ACTION_SCRIPT,
        modelLatencyMs: 10_000,
      });
      const model = scenario.model;
      const run = await scenario.run(scenario.pullRequestEvent('opened'), {}, (step) => {
        // GitHub cancels a step with SIGINT.
        until(() => model.requests.length > 0).then(() => step.kill('SIGINT'));
      });

      expect(run.exitCode).toBe(0);
      expect(scenario.github.reviews).toEqual([]);
      expect(run.summary).toContain('## Sift: cancelled');
      expect(run.summary).toContain(
        'This run was cancelled before Sift posted its review, so nothing was posted.',
      );
      expect(run.outputs).toMatchObject({ result: 'superseded', findings: '0' });
    },
    RUN_TIMEOUT,
  );

  it(
    'GitHub refuses the review (a fork’s read-only token) › the step fails and the summary says which permission, and why forks lack it',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      scenario.github.fail('POST', /\/pulls\/7\/reviews$/, 403);
      const run = await scenario.run(scenario.pullRequestEvent('opened', scenario.fromFork()));

      expect(run.exitCode).toBe(1);
      expect(scenario.github.reviews).toEqual([]);
      expect(run.summary).toContain('## Sift: review failed; nothing was posted');
      expect(run.summary).toContain('GitHub answered 403 to `POST /repos/acme/inventory/pulls/7/reviews`.');
      expect(run.summary).toContain('Give the job `permissions: { contents: read, pull-requests: write }`.');
      expect(run.summary).toContain('A `pull_request` run from a fork always gets a read-only token');
      expect(run.outputs).toMatchObject({ result: 'failed' });
    },
    RUN_TIMEOUT,
  );

  it(
    'a workflow that runs Sift on push › the step fails and says which events to use',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run({ name: 'push', payload: { ref: 'refs/heads/main' } });

      expect(run.exitCode).toBe(1);
      expect(scenario.github.requests).toEqual([]);
      expect(run.log).toContain('::error::the workflow runs Sift on `push`');
      expect(run.summary).toContain('## Sift could not run');
    },
    RUN_TIMEOUT,
  );
});
