import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planDeliveries, sendInBursts, tally, whyLost } from '../../bench/load/delivery-plan.js';
import { startFakeGitHubFleet } from '../../bench/load/fake-github-fleet.js';
import { startFakeModel } from '../support/fake-model-server.js';
import {
  freePort,
  makeProjectFolder,
  SERVER_TEST_TIMEOUT_MS,
  type ServerProcess,
  startServerProcess,
  WEBHOOK_SECRET,
  waitFor,
} from '../support/run-server-scenario.js';
import { scriptedAnswer } from '../support/scripted-model.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testPrivateKey } from '../support/test-probot.js';

describe('npm start with no Redis (the embedded database), killed mid-burst', {
  timeout: SERVER_TEST_TIMEOUT_MS,
}, () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('200 deliveries on 20 pull requests, SIGKILL after the second burst, started again › every latest head reviewed exactly once', async () => {
    const github = await startFakeGitHubFleet();
    const model = await startFakeModel((request) => scriptedAnswer({ review: () => [] }, request.messages));
    closers.push(
      () => github.close(),
      () => model.close(),
    );
    const port = await freePort();
    const cwd = makeProjectFolder();
    const env = {
      APP_ID: '123',
      PRIVATE_KEY: testPrivateKey().replace(/\n/g, '\\n'),
      WEBHOOK_SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: 'sk-burst',
      SIFT_MODEL: 'burst-model',
      SIFT_DATA_DIR: join(makeTempDir('sift-burst-'), 'data'),
      SIFT_CACHE_DIR: makeTempDir('sift-burst-cache-'),
      SIFT_WORKER_CONCURRENCY: '4',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    };
    const url = `http://127.0.0.1:${port}`;
    let server: ServerProcess = await startServerProcess(cwd, env);
    closers.push(() => server.stop());
    await server.waitForUrl(`${url}/readyz`);

    const deliveries = planDeliveries({
      pulls: 20,
      deliveries: 200,
      duplicateShare: 0.2,
      burst: 50,
      installations: 20,
    });
    const run = await sendInBursts(`${url}/api/github/webhooks`, WEBHOOK_SECRET, deliveries, {
      burst: 50,
      gapMs: 50,
      push: github.push,
      between: async (burst) => {
        if (burst !== 1) return;
        // Every delivery so far was answered 200; reviews are running when the process dies.
        await server.stop('SIGKILL');
        server = await startServerProcess(cwd, env);
        await server.waitForUrl(`${url}/readyz`);
      },
    });
    expect(Object.fromEntries(run.refused)).toEqual({});
    await waitFor(
      async () => tally(run.latest, github).lost.length === 0,
      120_000,
      () =>
        `latest heads never reviewed: ${JSON.stringify(whyLost(tally(run.latest, github).lost, run.latest, github.checkRuns))}\n${server.output.slice(-20).join('\n')}`,
    );
    expect(tally(run.latest, github)).toEqual({ lost: [], duplicated: [] });
  });
});
