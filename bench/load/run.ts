/**
 * npm run bench:load — the real server (in this process, as `npm start` runs it) against a fake
 * GitHub Enterprise Server holding 100 pull requests and a fake model, fed 1,000 signed webhook
 * deliveries in bursts of 100: an `opened` and several pushes per pull request, 20% of them exact
 * redeliveries, each burst shuffled so pushes arrive out of order. Measures how fast webhooks are
 * answered (intake), how fast the latest head of each pull request is reviewed after its push
 * was delivered (end to end), and whether any latest head was never reviewed (lost) or any head
 * reviewed twice (duplicated). Ends with one line of JSON.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServer } from '../../src/run-server.js';
import { startFakeModel } from '../../test/support/fake-model-server.js';
import { scriptedAnswer } from '../../test/support/scripted-model.js';
import { testPrivateKey } from '../../test/support/test-probot.js';
import { startFakeGitHubFleet } from './fake-github-fleet.js';

const PULLS = 100;
const DELIVERIES = 1_000;
const DUPLICATE_SHARE = 0.2;
const BURST = 100;
const BURST_GAP_MS = 100;
const SECRET = 'bench-secret';
const SETTLE_TIMEOUT_MS = 300_000;

interface Delivery {
  readonly id: string;
  readonly pull: number;
  /** 0 for `opened`, then 1, 2, … for each push. */
  readonly push: number;
  readonly head: string;
  readonly body: string;
}

const shaOf = (pull: number, push: number) =>
  `${String(pull).padStart(5, '0')}${String(push).padStart(5, '0')}`.padEnd(40, 'c');

/** Every pull request: opened, then pushes; 20% of deliveries are redeliveries of earlier ones. */
function plan(): Delivery[] {
  const originals = Math.round(DELIVERIES * (1 - DUPLICATE_SHARE));
  const pushesPerPull = originals / PULLS;
  const deliveries: Delivery[] = [];
  for (let push = 0; push < pushesPerPull; push += 1) {
    for (let pull = 1; pull <= PULLS; pull += 1) {
      const head = shaOf(pull, push);
      const payload = {
        action: push === 0 ? 'opened' : 'synchronize',
        number: pull,
        pull_request: {
          number: pull,
          state: 'open',
          merged: false,
          head: { sha: head },
          base: { ref: 'main' },
          user: { login: 'octocat' },
          updated_at: new Date(Date.UTC(2026, 11, 1, 10, push)).toISOString(),
        },
        repository: { name: 'fleet', owner: { login: 'acme' } },
        installation: { id: 1 + (pull % 5) },
      };
      deliveries.push({ id: randomUUID(), pull, push, head, body: JSON.stringify(payload) });
    }
  }
  const duplicates = Array.from(
    { length: DELIVERIES - originals },
    (_, index) => deliveries[(index * 7) % originals] as Delivery,
  );
  // Each redelivery follows its original within a few bursts, as GitHub's redelivery would.
  for (const [index, duplicate] of duplicates.entries()) {
    const at = Math.min(deliveries.length, deliveries.indexOf(duplicate) + BURST + (index % BURST));
    deliveries.splice(at, 0, duplicate);
  }
  return deliveries;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let index = out.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const github = await startFakeGitHubFleet();
  const model = await startFakeModel((request) => scriptedAnswer({ review: () => [] }, request.messages));
  const dataDir = join(tmpdir(), `sift-bench-load-${process.pid}`);
  const server = await runServer({
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: 'sk-bench',
      SIFT_MODEL: 'bench-model',
      SIFT_DATA_DIR: join(dataDir, 'data'),
      SIFT_CACHE_DIR: join(dataDir, 'cache'),
      SIFT_WORKER_CONCURRENCY: '8',
      SIFT_MODEL_CONCURRENCY: '32',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    },
  });
  if (!server) throw new Error('the server started in setup mode');
  const url = `http://127.0.0.1:${server.port}/api/github/webhooks`;
  const deliveries = plan();
  const intake: number[] = [];
  const sentAt = new Map<string, number>(); // `${pull}@${head}` → when its delivery was first sent
  const started = Date.now();
  for (let at = 0; at < deliveries.length; at += BURST) {
    const burst = deliveries.slice(at, at + BURST);
    // GitHub's state moves first; its deliveries then arrive in any order.
    for (const delivery of burst) {
      if (delivery.push > (latest.get(delivery.pull)?.push ?? -1)) {
        latest.set(delivery.pull, delivery);
        github.push(delivery.pull, delivery.head);
      }
    }
    await Promise.all(
      shuffled(burst, at + 1).map(async (delivery) => {
        const begin = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-github-event': 'pull_request',
            'x-github-delivery': delivery.id,
            'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(delivery.body).digest('hex')}`,
          },
          body: delivery.body,
        });
        await response.arrayBuffer();
        intake.push(performance.now() - begin);
        const key = `${delivery.pull}@${delivery.head}`;
        if (!sentAt.has(key)) sentAt.set(key, Date.now());
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, BURST_GAP_MS));
  }
  const reviewedLatest = () =>
    [...latest.values()].every(({ pull, head }) =>
      github.reviews.some((review) => review.pull === pull && review.head === head),
    );
  while (!reviewedLatest() && Date.now() - started < SETTLE_TIMEOUT_MS)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const seconds = (Date.now() - started) / 1000;

  const endToEnd = [...latest.values()].flatMap(({ pull, head }) => {
    const review = github.reviews.find((item) => item.pull === pull && item.head === head);
    const sent = sentAt.get(`${pull}@${head}`);
    return review && sent !== undefined ? [review.at - sent] : [];
  });
  const perHead = new Map<string, number>();
  for (const review of github.reviews)
    perHead.set(`${review.pull}@${review.head}`, (perHead.get(`${review.pull}@${review.head}`) ?? 0) + 1);
  const result = {
    deliveries: deliveries.length,
    pullRequests: PULLS,
    intakeP50Ms: Number(percentile(intake, 50).toFixed(1)),
    intakeP99Ms: Number(percentile(intake, 99).toFixed(1)),
    throughputDeliveriesPerSecond: Number((deliveries.length / seconds).toFixed(1)),
    reviews: github.reviews.length,
    endToEndP50Ms: Math.round(percentile(endToEnd, 50)),
    endToEndP99Ms: Math.round(percentile(endToEnd, 99)),
    lost: PULLS - endToEnd.length,
    duplicated: [...perHead.values()].filter((count) => count > 1).length,
    seconds: Number(seconds.toFixed(1)),
  };
  await server.stop();
  await Promise.all([github.close(), model.close()]);
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `intake p50 ${result.intakeP50Ms} ms, p99 ${result.intakeP99Ms} ms (target < 50 ms); ` +
      `${result.reviews} reviews for ${PULLS} pull requests; lost ${result.lost}, duplicated ${result.duplicated}; ` +
      `end to end p50 ${result.endToEndP50Ms} ms, p99 ${result.endToEndP99Ms} ms`,
  );
  console.log(JSON.stringify(result));
  process.exit(result.lost === 0 && result.duplicated === 0 ? 0 : 1);
}

/** The newest delivery of each pull request so far: what GitHub reports as its head. */
const latest = new Map<number, Delivery>();
await main();
