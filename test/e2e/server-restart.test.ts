import { afterEach, describe, expect, it } from 'vitest';
import {
  hangingReserveModel,
  inventoryPullRequest,
  openedPayload,
} from '../support/inventory-pull-request.js';
import {
  runServerScenario,
  SERVER_TEST_TIMEOUT_MS,
  type ServerScenario,
} from '../support/run-server-scenario.js';

describe('npm start, killed and started again', { timeout: SERVER_TEST_TIMEOUT_MS }, () => {
  let scenario: ServerScenario | undefined;
  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it('killed (SIGKILL) mid-review after answering the webhook › the restarted server finishes it: one review, the check run concluded', async () => {
    const pr = inventoryPullRequest();
    const model = hangingReserveModel();
    scenario = await runServerScenario(pr, model.answer);

    expect(await scenario.deliver('pull_request', openedPayload(pr))).toBe(200);
    await model.firstAsked;
    await scenario.crash();
    expect(scenario.github.checkRuns.map((run) => run.body.status)).toEqual(['in_progress']);

    model.release();
    await scenario.restart();
    await scenario.waitForCompletedCheckRuns(1);

    expect(scenario.github.reviews).toHaveLength(1);
    expect(scenario.github.reviewComments.map((comment) => comment.path)).toEqual(['src/stock.ts']);
    // The check run the first process started is the one concluded: none is left in progress.
    expect(scenario.github.checkRuns.filter((run) => run.method === 'create')).toHaveLength(1);
    expect(scenario.github.checkRuns.at(-1)?.body).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
    });
    expect(scenario.output.join('\n')).toContain('resuming jobs accepted before the last stop');
  });

  it('a delivery GitHub sends again after a restart › still known (the store is on disk), nothing reviewed twice', async () => {
    const pr = inventoryPullRequest();
    const model = hangingReserveModel();
    model.release();
    scenario = await runServerScenario(pr, model.answer);
    const deliveryId = '5c1d3a2e-0f6b-11ef-9a3c-1e2d3c4b5a69';
    expect(await scenario.deliver('pull_request', openedPayload(pr), { deliveryId })).toBe(200);
    await scenario.waitForCompletedCheckRuns(1);
    const asked = scenario.model.requests.length;

    await scenario.crash();
    await scenario.restart();
    expect(await scenario.deliver('pull_request', openedPayload(pr), { deliveryId })).toBe(200);

    await expect.poll(() => scenario?.output.join('\n')).toContain('redelivered webhook ignored');
    expect(scenario.model.requests).toHaveLength(asked);
    expect(scenario.github.reviews).toHaveLength(1);
  });
});
