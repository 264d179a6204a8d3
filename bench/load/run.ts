/**
 * npm run bench:load [-- --redis] — the real server against a fake GitHub Enterprise Server
 * holding 100 pull requests and a fake model, fed 1,000 signed webhook deliveries in bursts of
 * 100: an `opened` and several pushes per pull request, 20% of them exact redeliveries, each burst
 * shuffled so pushes arrive out of order. By default one process with the embedded database (as
 * `npm start` runs it); with --redis, a web process and two `sift worker` processes sharing a
 * throwaway redis-server. Sift runs in processes of its own; this one sends the webhooks and plays
 * GitHub and the model. Measures how fast webhooks are answered
 * (intake), how fast the latest head of each pull request is reviewed after its push was
 * delivered (end to end), and whether any latest head was never reviewed (lost) or any head
 * reviewed twice (duplicated). Ends with one line of JSON.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeModel } from '../../test/support/fake-model-server.js';
import { scriptedAnswer } from '../../test/support/scripted-model.js';
import { testPrivateKey } from '../../test/support/test-probot.js';
import { startBenchProcess, startBenchRedis } from './bench-processes.js';
import { percentile, planDeliveries, reviewedAt, sendInBursts, tally, whyLost } from './delivery-plan.js';
import { startFakeGitHubFleet } from './fake-github-fleet.js';

const PULLS = 100;
const DELIVERIES = 1_000;
const BURST = 100;
const SECRET = 'bench-secret';
const SETTLE_TIMEOUT_MS = 300_000;
const WORKERS = 2;

async function main(): Promise<void> {
  const withRedis = process.argv.includes('--redis');
  const github = await startFakeGitHubFleet();
  const model = await startFakeModel((request) => scriptedAnswer({ review: () => [] }, request.messages));
  const dataDir = join(tmpdir(), `sift-bench-load-${process.pid}`);
  const redis = withRedis ? await startBenchRedis(join(dataDir, 'redis')) : null;
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    APP_ID: '1',
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: github.host,
    GHE_PROTOCOL: 'http',
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: 'sk-bench',
    SIFT_MODEL: 'bench-model',
    SIFT_CACHE_DIR: join(dataDir, 'cache'),
    SIFT_WORKER_CONCURRENCY: '8',
    SIFT_MODEL_CONCURRENCY: '32',
    HOST: '127.0.0.1',
    // BENCH_LOG_DIR=<dir> keeps each process's log (at info) there, to look into a lost review.
    LOG_LEVEL: process.env.BENCH_LOG_DIR ? 'info' : 'error',
    LOG_FORMAT: 'json',
    ...(redis ? { REDIS_URL: redis.url } : {}),
  };
  const workers = redis
    ? await Promise.all(
        Array.from({ length: WORKERS }, (_, index) =>
          startBenchProcess('worker', { ...env, SIFT_DATA_DIR: join(dataDir, `worker-${index}`) }),
        ),
      )
    : [];
  const server = await startBenchProcess('server', {
    ...env,
    SIFT_DATA_DIR: join(dataDir, 'data'),
    ...(redis ? { SIFT_ROLE: 'web' } : {}),
  });
  const deliveries = planDeliveries({
    pulls: PULLS,
    deliveries: DELIVERIES,
    duplicateShare: 0.2,
    burst: BURST,
  });
  const started = Date.now();
  const run = await sendInBursts(`http://127.0.0.1:${server.port}/api/github/webhooks`, SECRET, deliveries, {
    burst: BURST,
    gapMs: 100,
    push: github.push,
  });
  while (tally(run.latest, github).lost.length > 0 && Date.now() - started < SETTLE_TIMEOUT_MS)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const seconds = (Date.now() - started) / 1000;

  const reviewed = reviewedAt(github);
  const endToEnd = [...run.latest.values()].flatMap(({ pull, head }) => {
    const at = reviewed.get(head);
    const sent = run.sentAt.get(`${pull}@${head}`);
    return at !== undefined && sent !== undefined ? [at - sent] : [];
  });
  const { lost, duplicated } = tally(run.latest, github);
  const result = {
    mode: redis ? `redis, 1 web + ${WORKERS} workers` : 'embedded, 1 process',
    deliveries: deliveries.length,
    pullRequests: PULLS,
    intakeP50Ms: Number(percentile(run.intake, 50).toFixed(1)),
    intakeP99Ms: Number(percentile(run.intake, 99).toFixed(1)),
    throughputDeliveriesPerSecond: Number((deliveries.length / seconds).toFixed(1)),
    reviews: github.reviews.length,
    endToEndP50Ms: Math.round(percentile(endToEnd, 50)),
    endToEndP99Ms: Math.round(percentile(endToEnd, 99)),
    lost: lost.length,
    duplicated: duplicated.length,
    refused: Object.fromEntries(run.refused),
    whyLost: whyLost(lost, run.latest, github.checkRuns),
    seconds: Number(seconds.toFixed(1)),
  };
  await server.stop();
  await Promise.all(workers.map((worker) => worker.stop()));
  await redis?.stop();
  await Promise.all([github.close(), model.close()]);
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `${result.mode}: intake p50 ${result.intakeP50Ms} ms, p99 ${result.intakeP99Ms} ms (target < 50 ms); ` +
      `${result.reviews} reviews for ${PULLS} pull requests; lost ${result.lost}, duplicated ${result.duplicated}; ` +
      `end to end p50 ${result.endToEndP50Ms} ms, p99 ${result.endToEndP99Ms} ms`,
  );
  console.log(JSON.stringify(result));
  process.exit(result.lost === 0 && result.duplicated === 0 ? 0 : 1);
}

await main();
