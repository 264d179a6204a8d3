import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import { createJobWorker } from '../../src/jobs/create-job-worker.js';
import { type SiftJob, siftJobIdentity } from '../../src/jobs/sift-job.js';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';
import type { JobQueue } from '../../src/queue/job-queue.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { FakePull } from '../support/fake-pull.js';
import { createScriptedModel, finding, lineIdOf } from '../support/scripted-model.js';

const PULLS = 50;
const DELIVERIES = 100;

describe('a burst of deliveries on many pull requests (duplicates, pushes, out of order)', () => {
  it(`${DELIVERIES} deliveries on ${PULLS} pull requests › exactly one review of each one's latest head`, async () => {
    const pulls = Array.from({ length: PULLS }, (_, index) => new FakePull(index + 1));
    const model = createScriptedModel(
      {
        review: ({ prompt }) => {
          const line = lineIdOf(prompt, 'available > count');
          return line ? [finding({ startLineId: line, endLineId: line, title: 'Strict check' })] : [];
        },
      },
      { latencyMs: 2 },
    );
    let queue: JobQueue<SiftJob> | undefined;
    queue = createInProcessQueue<SiftJob>({
      ...siftJobIdentity,
      concurrency: 4,
      worker: createJobWorker({
        siteFor: async (job) => ({ host: (pulls[job.pullNumber - 1] as FakePull).host() }),
        model,
        caches: createSymbolCaches(),
        store: createInMemoryStore(),
        enqueue: (job) => (queue as JobQueue<SiftJob>).enqueue(job),
        now: Date.now,
        log: pino({ level: 'silent' }),
      }),
      onError: (error) => {
        throw error;
      },
    });
    const delivery = (
      pull: FakePull,
      head: number,
      action: 'opened' | 'synchronize',
      id: string,
    ): SiftJob => ({
      kind: 'review',
      installationId: 1,
      owner: 'acme',
      repo: 'inventory',
      pullNumber: pull.number,
      deliveryId: id,
      headSha: pull.sha(head),
      baseRef: 'main',
      trigger: action,
      scope: { kind: 'auto' },
      updatedAt: `2026-12-01T10:${String(head).padStart(2, '0')}:00Z`,
    });

    // Pull requests 1–30: opened and a push, every other one delivered push first (out of order).
    // 31–40: opened only, though a push has moved the head before the job runs (its own delivery
    // late or lost): the job reviews the head GitHub reports. 41–50: opened, redelivered (the same delivery), then a push while the
    // first burst is being reviewed.
    const first: SiftJob[] = [];
    const second: SiftJob[] = [];
    for (const pull of pulls) {
      const opened = delivery(pull, 0, 'opened', `open-${pull.number}`);
      if (pull.number <= 30) {
        pull.head = 1;
        const pushed = delivery(pull, 1, 'synchronize', `push-${pull.number}`);
        first.push(...(pull.number % 2 === 0 ? [pushed, opened] : [opened, pushed]));
      } else if (pull.number <= 40) {
        pull.head = 1;
        first.push(opened);
      } else {
        first.push(opened, opened);
      }
    }
    for (const job of first) await queue.enqueue(job);
    for (const pull of pulls.slice(40)) {
      pull.head = 1;
      second.push(delivery(pull, 1, 'synchronize', `push-${pull.number}`));
    }
    for (const job of second) await queue.enqueue(job);
    expect(first.length + second.length).toBe(DELIVERIES);
    await queue.onIdle();

    for (const pull of pulls) {
      const heads = pull.reviews.map((review) => review.headSha);
      expect(
        heads.filter((head) => head === pull.sha()),
        `#${pull.number}`,
      ).toHaveLength(1);
      expect(new Set(heads).size, `#${pull.number} reviewed a head twice`).toBe(heads.length);
    }
    // Out-of-order pairs never produce a review of the older head.
    for (const pull of pulls.slice(0, 30)) expect(pull.reviews).toHaveLength(1);
  });
});
