import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { resolveRepoConfig } from '../../src/config/resolve-repo-config.js';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import { createJobWorker } from '../../src/jobs/create-job-worker.js';
import { type SiftJob, siftJobIdentity } from '../../src/jobs/sift-job.js';
import { createInProcessQueue } from '../../src/queue/in-process-queue.js';
import type { JobQueue } from '../../src/queue/job-queue.js';
import { createLocalHost } from '../../src/repository/create-local-host.js';
import type { PullRequestHost, ReviewToPost } from '../../src/review/pull-request-host.js';
import type { PullRequestChange } from '../../src/review/types.js';
import { createInMemoryStore } from '../../src/store/in-memory-store.js';
import { createScriptedModel, finding, lineIdOf } from '../support/scripted-model.js';

const PULLS = 50;
const DELIVERIES = 100;

/** One pull request as GitHub would have it: its head moves with each push. */
class FakePull {
  head = 0;
  readonly reviews: ReviewToPost[] = [];
  constructor(readonly number: number) {}
  sha(head = this.head): string {
    return `${String(this.number).padStart(4, '0')}${String(head).padStart(4, '0')}`.padEnd(40, 'a');
  }
  change(): PullRequestChange {
    const diff = [
      'diff --git a/src/stock.ts b/src/stock.ts',
      '--- a/src/stock.ts',
      '+++ b/src/stock.ts',
      '@@ -1,2 +1,2 @@',
      ' export function reserve(available: number, count: number) {',
      `-  return available >= count;`,
      `+  return available > count; // push ${this.head}`,
    ].join('\n');
    return {
      repository: { owner: 'acme', repo: 'inventory', htmlUrl: 'https://github.com/acme/inventory' },
      number: this.number,
      title: 'Reserve stock strictly',
      body: '',
      author: { login: 'octocat', isBot: false },
      draft: false,
      state: 'open',
      merged: false,
      labels: [],
      base: { ref: 'main', sha: 'b'.repeat(40) },
      head: { ref: 'strict', sha: this.sha() },
      commitMessages: ['Reserve strictly'],
      files: parseUnifiedDiff(`${diff}\n`),
      changedFileCount: 1,
    };
  }
  /** The port over this pull request: GitHub's view of it, what Sift posted on it. */
  host(): PullRequestHost {
    const local = createLocalHost('/nonexistent');
    return {
      ...local,
      loadPullRequest: async () => this.change(),
      readConfig: async () => ({ config: resolveRepoConfig({}).config, problems: [], layers: [] }),
      compareCommits: async () => ({ status: 'unknown' }),
      loadHistory: async () => ({
        lastReviewedHead: this.reviews.at(-1)?.headSha ?? null,
        reviewedHeads: new Set(this.reviews.map((review) => review.headSha)),
        findings: [],
        notices: new Set(),
      }),
      postReview: async (review) => {
        this.reviews.push(review);
        return { reviewId: this.reviews.length };
      },
    };
  }
}

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
