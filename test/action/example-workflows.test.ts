import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_INPUTS } from '../../src/config/action-inputs.js';
import { startActionScenario } from '../support/action-harness.js';
import { exampleWorkflow, stepInputs } from '../support/example-workflow.js';
import { MODEL_KEY } from '../support/run-bundled-action.js';
import { ACTION_SCRIPT, RANGE_TITLE, RESERVE_TITLE, RESTOCK, RESTOCK_TITLE } from './action-script.js';

const REVIEWED_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'];

describe('the workflows the README gives to copy', () => {
  it.each(['sift.yml', 'sift-forks.yml', 'sift-code-scanning.yml'] as const)(
    '%s › gives the Sift step only inputs action.yml has, and never checks out the pull request',
    (name) => {
      const { workflow, siftStep } = exampleWorkflow(name);
      expect(Object.keys(siftStep.with ?? {}).filter((input) => !(input in ACTION_INPUTS))).toEqual([]);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression the step must use
      expect(siftStep.with?.['openai-api-key']).toBe('${{ secrets.OPENAI_API_KEY }}');
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      expect(steps.filter((step) => step.uses?.startsWith('actions/checkout'))).toEqual([]);
      expect(workflow.permissions).toMatchObject({ contents: 'read', 'pull-requests': 'write' });
    },
  );

  it('sift.yml › the pull request events Sift reviews, and comments', () => {
    const { workflow } = exampleWorkflow('sift.yml');
    expect(workflow.on).toEqual({
      pull_request: { types: REVIEWED_ACTIONS },
      issue_comment: { types: ['created'] },
    });
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('sift-forks.yml › pull_request_target, for forks only', () => {
    const { workflow } = exampleWorkflow('sift-forks.yml');
    expect(workflow.on).toEqual({ pull_request_target: { types: REVIEWED_ACTIONS } });
    expect(workflow.jobs.review?.if).toBe(
      'github.event.pull_request.head.repo.full_name != github.repository',
    );
  });

  it('sift-code-scanning.yml › uploads the SARIF file the step wrote, even when fail-on failed the step', () => {
    const { workflow, siftStep } = exampleWorkflow('sift-code-scanning.yml');
    expect(workflow.permissions['security-events']).toBe('write');
    const upload = workflow.jobs.review?.steps.find((step) =>
      step.uses?.startsWith('github/codeql-action/upload-sarif'),
    );
    expect(upload?.if).toBe(`always() && steps.${siftStep.id}.outputs.sarif-file != ''`);
    expect(upload?.with?.sarif_file).toBe(`\${{ steps.${siftStep.id}.outputs.sarif-file }}`);
  });
});

describe('sift.yml on a pull request, end to end against the fakes', () => {
  let scenario: Awaited<ReturnType<typeof startActionScenario>> | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it('opened, then a push that fixes one finding and adds one, then `/review` from a reader › two reviews, one thread resolved, the reader refused', async () => {
    scenario = await startActionScenario({
      fixture: 'inventory',
      script: ACTION_SCRIPT,
      permissions: { octocat: 'write', mallory: 'read' },
    });
    const inputs = stepInputs(exampleWorkflow('sift.yml').siftStep, { OPENAI_API_KEY: MODEL_KEY });
    const threads = () =>
      scenario?.github.reviewComments.filter((comment) => comment.in_reply_to_id === null) ?? [];

    const opened = await scenario.run(scenario.pullRequestEvent('opened'), inputs);
    expect(opened.exitCode).toBe(0);
    expect(opened.outputs).toMatchObject({ result: 'posted', findings: '2' });

    scenario.push({
      'src/stock.ts': (text) => `${text.replace('available <= count', 'available < count')}${RESTOCK}`,
    });
    const pushed = await scenario.run(scenario.pullRequestEvent('synchronize'), inputs);
    expect(pushed.exitCode).toBe(0);
    expect(pushed.outputs).toMatchObject({ result: 'posted', findings: '1' });
    expect(threads().map((comment) => [/^\*\*(.+?)\*\*/.exec(comment.body)?.[1], comment.resolved])).toEqual([
      [RANGE_TITLE, false],
      [RESERVE_TITLE, true],
      [RESTOCK_TITLE, false],
    ]);

    const asked = await scenario.run(scenario.commentEvent('/review', 'mallory'), inputs);
    expect(asked.exitCode).toBe(0);
    expect(asked.outputs).toMatchObject({ result: 'refused: no write access' });
    expect(scenario.github.issueComments.at(-1)?.body).toBe(
      'Sift takes `/review` commands from people with write access to acme/inventory.',
    );
    expect(scenario.github.reviews).toHaveLength(2);
    expect(scenario.github.unexpected).toEqual([]);
  }, 180_000);
});
