import { afterEach, describe, expect, it } from 'vitest';
import { startActionScenario } from '../support/action-harness.js';
import { ACTION_SCRIPT, RESTOCK } from './action-script.js';

type Scenario = Awaited<ReturnType<typeof startActionScenario>>;
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.stop();
  scenario = undefined;
});

const RUN_TIMEOUT = 60_000;
// What GitHub gives a `pull_request` run from a fork: empty secrets.
const NO_SECRETS = { 'openai-api-key': '', 'openai-base-url': '' };

describe('a pull request from a fork, on pull_request (no secrets)', () => {
  it(
    'no model key › the step passes and the job summary gives the pull_request_target recipe and its risks',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run(scenario.pullRequestEvent('opened', scenario.fromFork()), NO_SECRETS);

      expect(run.exitCode).toBe(0);
      expect(scenario.github.requests).toEqual([]);
      expect(run.summary).toContain('## Sift did not review this pull request: it comes from a fork');
      expect(run.summary).toContain('The pull request comes from `someone/inventory`.');
      expect(run.summary).toContain(
        '  pull_request_target:\n    types: [opened, synchronize, reopened, ready_for_review]',
      );
      expect(run.summary).toContain('      - uses: acme/sift@v1');
      expect(run.summary).toContain('No actions/checkout: nothing from the fork runs in this job.');
      expect(run.summary).toContain("Never add a step that checks out the pull request's head");
      expect(run.summary).toContain('budget.maxTokens');
      expect(run.log).toContain('::warning::#7 was not reviewed: no secrets reach this run');
      expect(run.log).not.toContain('::error::');
      expect(run.outputs).toMatchObject({ result: 'skipped', findings: '0' });
    },
    RUN_TIMEOUT,
  );

  it(
    'the same pull request on pull_request_target (the recipe) › reviewed, through the API only',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run(
        scenario.pullRequestEvent('opened', scenario.fromFork(), 'pull_request_target'),
      );

      expect(run.exitCode).toBe(0);
      expect(scenario.github.reviews).toHaveLength(1);
      expect(run.outputs).toMatchObject({ result: 'posted', findings: '2' });
    },
    RUN_TIMEOUT,
  );

  it(
    'a branch of the repository itself with no model key › the step fails and says which secret to add',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const run = await scenario.run(scenario.pullRequestEvent('opened'), NO_SECRETS);

      expect(run.exitCode).toBe(1);
      expect(run.summary).toContain('## Sift could not review: no model was given');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression the summary shows
      expect(run.summary).toContain('openai-api-key: ${{ secrets.OPENAI_API_KEY }}');
      expect(run.log).toContain('::error::no model was given');
    },
    RUN_TIMEOUT,
  );
});

describe('fail-on', () => {
  it(
    'major, with two major findings open › the step fails and names them; critical › it passes',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      const major = await scenario.run(scenario.pullRequestEvent('opened'), { 'fail-on': 'major' });

      expect(major.exitCode).toBe(1);
      expect(scenario.github.reviews).toHaveLength(1);
      expect(major.summary).toContain(
        '**Failing this step:** 2 findings at or above major severity are open on #7 (fail-on: major)',
      );
      expect(major.log).toContain('::error::2 findings at or above major severity are open on #7');
      expect(major.outputs).toMatchObject({ result: 'posted', findings: '2' });

      // A re-run of the same head reviews nothing and judges what is open.
      const critical = await scenario.run(scenario.pullRequestEvent('reopened'), { 'fail-on': 'critical' });
      expect(critical.exitCode).toBe(0);
      expect(critical.summary).toContain(
        'No finding at or above critical severity is open on #7 (fail-on: critical).',
      );
    },
    RUN_TIMEOUT * 2,
  );

  it(
    'a push that fixes one finding and adds a critical one › still failing on the finding left open, and on the new one',
    async () => {
      scenario = await startActionScenario({ fixture: 'inventory', script: ACTION_SCRIPT });
      await scenario.run(scenario.pullRequestEvent('opened'));
      scenario.push({
        'src/stock.ts': (text) => `${text.replace('available <= count', 'available < count')}${RESTOCK}`,
      });

      const major = await scenario.run(scenario.pullRequestEvent('synchronize'), { 'fail-on': 'major' });
      expect(major.exitCode).toBe(1);
      // formatRange's (major) is still open; reserve's was resolved as fixed; restock's (critical) is new.
      expect(major.summary).toContain('2 findings at or above major severity are open on #7');

      // People resolving the thread dismisses a finding: it no longer fails the step.
      for (const comment of scenario.github.reviewComments) comment.resolved = true;
      const afterDismissal = await scenario.run(scenario.pullRequestEvent('reopened'), {
        'fail-on': 'minor',
      });
      expect(afterDismissal.exitCode).toBe(0);
    },
    RUN_TIMEOUT * 3,
  );
});
