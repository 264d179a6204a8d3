import { resolveRepoConfig } from '../../src/config/resolve-repo-config.js';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import { createLocalHost } from '../../src/repository/create-local-host.js';
import type { PullRequestHost, ReviewToPost } from '../../src/review/pull-request-host.js';
import type { PullRequestChange } from '../../src/review/types.js';

/** One pull request as GitHub would have it: its head moves with each push. */
export class FakePull {
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
        reviewedByJobs: new Set(this.reviews.flatMap((review) => (review.jobId ? [review.jobId] : []))),
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
