import { afterEach, beforeAll, expect, it } from 'vitest';
import { planDeliveries, sendInBursts, tally, whyLost } from '../../bench/load/delivery-plan.js';
import { type FakeGitHubFleet, startFakeGitHubFleet } from '../../bench/load/fake-github-fleet.js';
import { startFakeGitHub } from '../support/fake-github-server.js';
import { startFakeModel } from '../support/fake-model-server.js';
import {
  hangingReserveModel,
  inventoryPullRequest,
  openedPayload,
} from '../support/inventory-pull-request.js';
import { describeWithRedis, type RedisServer, startRedisServer } from '../support/redis-server.js';
import { type Fleet, startFleet } from '../support/run-fleet.js';
import { SERVER_TEST_TIMEOUT_MS, WEBHOOK_SECRET, waitFor } from '../support/run-server-scenario.js';
import { scriptedAnswer } from '../support/scripted-model.js';

describeWithRedis('Sift at scale: a web process and two workers sharing Redis', () => {
  let fleet: Fleet | undefined;
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('a worker killed (SIGKILL) mid-review › the other worker takes the job over: one review, one check run, concluded; webhooks sent to a worker are refused, and /readyz follows Redis', {
    timeout: SERVER_TEST_TIMEOUT_MS,
  }, async () => {
    const redis = await startRedisServer();
    const pr = inventoryPullRequest();
    const github = await startFakeGitHub(pr);
    const model = hangingReserveModel();
    const fakeModel = await startFakeModel(model.answer);
    closers.push(
      () => github.close(),
      () => fakeModel.close(),
      () => redis.stop(),
    );
    // A worker that stops answering gives its job up after 3 s instead of 30.
    fleet = await startFleet({
      githubHost: github.host,
      modelUrl: fakeModel.baseUrl,
      redisUrl: redis.url,
      workers: 2,
      settings: { SIFT_JOB_LOCK_SECONDS: '3' },
    });
    const running = fleet;
    const toWorker = await fetch(`${running.workerUrls[0]}/api/github/webhooks`, {
      method: 'POST',
      body: '{}',
    });
    expect(toWorker.status).toBe(503);
    expect(await toWorker.text()).toContain('send webhooks to a web process');
    for (const url of [running.webUrl, ...running.workerUrls]) {
      const ready = (await (await fetch(`${url}/readyz`)).json()) as { status: string; detail: string };
      expect(ready).toMatchObject({
        status: 'ready',
        detail: expect.stringContaining(`Redis at ${redis.url}`),
      });
    }

    expect(await running.deliver('pull_request', openedPayload(pr))).toBe(200);
    await model.firstAsked;
    const holder = running.workers.findIndex((worker) =>
      worker.output.some((line) => line.includes('review started')),
    );
    expect(holder).toBeGreaterThanOrEqual(0);
    await running.killWorker(holder);
    model.release();

    await waitFor(
      async () => github.checkRuns.some((run) => run.body.status === 'completed'),
      90_000,
      () => `the job was not taken over:\n${running.output().slice(-3000)}`,
    );
    expect(github.reviews).toHaveLength(1);
    expect(github.reviewComments.map((comment) => comment.path)).toEqual(['src/stock.ts']);
    // The check run the killed worker started is the one the other worker concluded.
    expect(github.checkRuns.filter((run) => run.method === 'create')).toHaveLength(1);
    expect(github.checkRuns.at(-1)?.body).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    const survivor = running.workers[1 - holder];
    await expect.poll(() => survivor?.output.join('\n'), { timeout: 10_000 }).toContain('review finished');

    await redis.kill();
    const down = await fetch(`${running.webUrl}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('does not answer');
    await redis.restart(); // the processes then stop as they would in production, not waiting on Redis
  });

  describeWithRedis('bursts of deliveries on many pull requests', () => {
    let github: FakeGitHubFleet;
    let redis: RedisServer;
    beforeAll(async () => {
      github = await startFakeGitHubFleet();
    });

    it('1,000 deliveries on 100 pull requests (20% redeliveries, pushes out of order), Redis killed (SIGKILL) and restarted mid-burst › every latest head reviewed exactly once', {
      timeout: SERVER_TEST_TIMEOUT_MS,
    }, async () => {
      // everysec, as the README recommends: a kill may lose the last second, which the web's journal puts back.
      redis = await startRedisServer({ appendfsync: 'everysec' });
      const fakeModel = await startFakeModel((request) =>
        scriptedAnswer({ review: () => [] }, request.messages),
      );
      closers.push(
        () => fakeModel.close(),
        () => redis.stop(),
        () => github.close(),
      );
      fleet = await startFleet({
        githubHost: github.host,
        modelUrl: fakeModel.baseUrl,
        redisUrl: redis.url,
        workers: 2,
        settings: { SIFT_WORKER_CONCURRENCY: '8', SIFT_MODEL_CONCURRENCY: '16', LOG_LEVEL: 'info' },
      });
      const running = fleet;
      // Many installations: GitHub's pacing of writes (one a second per installation) is not what this measures.
      const deliveries = planDeliveries({
        pulls: 100,
        deliveries: 1_000,
        duplicateShare: 0.2,
        burst: 100,
        installations: 50,
      });
      const run = await sendInBursts(`${running.webUrl}/api/github/webhooks`, WEBHOOK_SECRET, deliveries, {
        burst: 100,
        gapMs: 50,
        push: github.push,
        between: async (burst) => {
          if (burst !== 4) return;
          await redis.kill();
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          await redis.restart();
        },
      });
      expect(Object.fromEntries(run.refused)).toEqual({});
      await waitFor(
        async () => tally(run.latest, github).lost.length === 0,
        150_000,
        () => {
          const { lost } = tally(run.latest, github);
          const about = running
            .output()
            .split('\n')
            .filter((line) => lost.some((pull) => line.includes(`acme/fleet#${pull}@`)));
          return `latest heads never reviewed: ${JSON.stringify(whyLost(lost, run.latest, github.checkRuns))}\n${about.slice(-80).join('\n')}`;
        },
      );
      expect(tally(run.latest, github)).toEqual({ lost: [], duplicated: [] });
    });
  });
});
