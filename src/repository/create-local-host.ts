import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadLocalConfig } from '../config/load-local-config.js';
import { parseUnifiedDiff } from '../diff/parse-unified-diff.js';
import type {
  CheckRunReport,
  Comparison,
  FileAtRef,
  PullRequestHost,
  ReviewToPost,
} from '../review/pull-request-host.js';
import { isTextContent } from './is-text-content.js';
import { DIFF_ARGS, loadLocalChange } from './load-local-change.js';

const run = promisify(execFile);

/** What the pipeline would have shown on a pull request, kept for the caller to print. */
export interface LocalHostRecord {
  readonly reviews: ReviewToPost[];
  readonly reports: CheckRunReport[];
  readonly comments: string[];
}

export interface LocalChangeOptions {
  /** Base and head refs of the change; see loadLocalChange for their defaults. */
  readonly base?: string | undefined;
  readonly head?: string | undefined;
  /** A configuration file to use instead of `.github/sift.yml` at the base commit. */
  readonly configFile?: string | undefined;
}

/**
 * The pull-request host port over a local git checkout, for the CLI and the eval harness: the
 * change between two commits stands in for a pull request that has no number, labels or history
 * yet. What would be posted is recorded instead, and the person running Sift on their own
 * checkout has every permission.
 */
export function createLocalHost(
  directory: string,
  options: LocalChangeOptions = {},
): PullRequestHost & { readonly record: LocalHostRecord } {
  const git = async (...args: string[]) =>
    (await run('git', ['-C', directory, ...args], { maxBuffer: 512 << 20, encoding: 'buffer' })).stdout;
  const record: LocalHostRecord = { reviews: [], reports: [], comments: [] };
  let reviewIds = 0;
  return {
    record,
    async loadPullRequest() {
      const change = await loadLocalChange(directory, { base: options.base, head: options.head });
      const author = (await git('log', '-1', '--format=%an', change.head.sha)).toString('utf8').trim();
      return {
        ...change,
        number: 0,
        author: { login: author || 'local', isBot: false },
        draft: false,
        state: 'open',
        merged: false,
        labels: [],
        changedFileCount: change.files.length,
      };
    },
    readConfig: (ref) =>
      loadLocalConfig(options.configFile ? { file: options.configFile } : { directory, ref }),
    async compareCommits(base, head): Promise<Comparison> {
      if (base === head) return { status: 'identical' };
      const known = await git('cat-file', '-e', `${base}^{commit}`).then(
        () => true,
        () => false,
      );
      if (!known) return { status: 'unknown' };
      const ahead = await git('merge-base', '--is-ancestor', base, head).then(
        () => true,
        () => false,
      );
      if (!ahead) return { status: 'diverged' };
      const diff = await git(...DIFF_ARGS, base, head);
      return { status: 'ahead', files: parseUnifiedDiff(diff.toString('utf8')), complete: true };
    },
    async readFile(ref, path): Promise<FileAtRef> {
      const content = await git('show', `${ref}:${path}`).catch(() => null);
      if (content === null) return { exists: false, text: null };
      return { exists: true, text: isTextContent(content) ? content.toString('utf8') : null };
    },
    loadHistory: async () => ({
      lastReviewedHead: null,
      reviewedHeads: new Set(),
      reviewedByJobs: new Set(),
      findings: [],
      notices: new Set(),
    }),
    permissionOf: async () => 'admin',
    startCheckRun: async () => null,
    async finishCheckRun(_headSha, _run, report) {
      record.reports.push(report);
    },
    async postReview(review) {
      record.reviews.push(review);
      reviewIds += 1;
      return { reviewId: reviewIds };
    },
    async replyInThread(_commentId, body) {
      record.comments.push(body);
    },
    resolveThread: async () => {},
    async comment(body) {
      record.comments.push(body);
    },
    react: async () => {},
    loadThread: async () => null,
  };
}
