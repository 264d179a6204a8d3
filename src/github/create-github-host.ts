import { ReviewRefusedError } from '../errors.js';
import type { RepositorySnapshot } from '../repository/repository-reader.js';
import type { PullRequestHost, ReviewThread } from '../review/pull-request-host.js';
import { isSift, type SiftIdentity } from './app-identity.js';
import { completeCheckRun, startCheckRun } from './check-run.js';
import { compareCommits } from './compare-commits.js';
import { hostRequestError, withHostErrors } from './host-request-error.js';
import { loadPullRequest } from './load-pull-request.js';
import { loadRepoConfig } from './load-repo-config.js';
import { loadSiftHistory } from './load-sift-history.js';
import type { Octokit } from './octokit.js';
import { permissionOf } from './permission-of.js';
import { readFileAtRef } from './read-file-at-ref.js';
import {
  findingMarker,
  noticeMarker,
  readFindingMarker,
  reviewMarker,
  withoutMarkers,
} from './review-markers.js';

export interface GitHubPullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
}

/**
 * The pull-request host port over an installation's octokit. Sift's hidden markers are GitHub
 * text, so they are written and read here; every failure of GitHub itself leaves as a
 * HostRequestError naming the request (Probot's client has already retried the transient ones).
 */
export function createGitHubHost(
  octokit: Octokit,
  pull: GitHubPullRequest,
  options: {
    /** The account Sift posts as: only its own comments are trusted to carry Sift's markers. */
    readonly identity: SiftIdentity;
    /** Where Sift's configuration is in the repository; `.github/sift.yml` unless given. */
    readonly configPath?: string | undefined;
    readonly snapshotAt?: (ref: string) => Promise<RepositorySnapshot | null>;
  },
): PullRequestHost {
  const repo = { owner: pull.owner, repo: pull.repo };
  const where = { ...repo, pullNumber: pull.pullNumber };
  return {
    loadPullRequest: () => withHostErrors(() => loadPullRequest(octokit, where)),
    readConfig: (ref) =>
      withHostErrors(() => loadRepoConfig(octokit, { ...repo, ref, path: options.configPath })),
    compareCommits: (base, head) => withHostErrors(() => compareCommits(octokit, { ...repo, base, head })),
    async readFile(ref, path) {
      // A snapshot already downloaded for context holds most files a job asks for.
      const snapshot = (await options.snapshotAt?.(ref)) ?? null;
      const text = snapshot?.files.has(path) ? await snapshot.read(path) : null;
      if (text !== null) return { exists: true, text };
      return withHostErrors(() => readFileAtRef(octokit, { ...repo, path, ref }));
    },
    loadHistory: () => withHostErrors(() => loadSiftHistory(octokit, where, options.identity)),
    permissionOf: (login) => withHostErrors(() => permissionOf(octokit, { ...repo, user: login })),
    async startCheckRun(headSha) {
      try {
        return { id: await startCheckRun(octokit, { ...repo, headSha }) };
      } catch (error) {
        // 403: the installation has not granted "Checks: write"; the review goes on without one.
        if ((error as { status?: number }).status === 403) return null;
        throw hostRequestError(error);
      }
    },
    finishCheckRun: (headSha, run, report) =>
      withHostErrors(() =>
        completeCheckRun(octokit, { ...repo, headSha, checkRunId: run?.id ?? null }, report),
      ),
    async postReview(review) {
      try {
        const { data } = await octokit.rest.pulls.createReview({
          ...repo,
          pull_number: pull.pullNumber,
          commit_id: review.headSha,
          event: 'COMMENT',
          body: `${reviewMarker({ head: review.headSha, ...(review.jobId ? { job: review.jobId } : {}) })}\n${review.body}`,
          comments: review.comments.map((comment) => ({
            path: comment.path,
            side: comment.side,
            line: comment.endLine,
            ...(comment.startLine !== comment.endLine
              ? { start_line: comment.startLine, start_side: comment.side }
              : {}),
            body: `${comment.body}\n\n${findingMarker(comment.marker)}`,
          })),
        });
        return { reviewId: data.id };
      } catch (error) {
        if ((error as { status?: number }).status === 422 && review.comments.length > 0)
          throw new ReviewRefusedError(
            `[sift] GitHub refused the review's inline comments: ${describe(error)}`,
          );
        throw hostRequestError(error);
      }
    },
    replyInThread: (commentId, body) =>
      withHostErrors(async () => {
        await octokit.rest.pulls.createReplyForReviewComment({
          ...repo,
          pull_number: pull.pullNumber,
          comment_id: commentId,
          body,
        });
      }),
    resolveThread: (threadId) =>
      withHostErrors(async () => {
        // REST has no endpoint for resolving a thread.
        await octokit.graphql(
          `mutation SiftResolve($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`,
          { threadId },
        );
      }),
    comment: (body, notice) =>
      withHostErrors(async () => {
        await octokit.rest.issues.createComment({
          ...repo,
          issue_number: pull.pullNumber,
          body: notice ? `${noticeMarker({ key: notice })}\n${body}` : body,
        });
      }),
    react: (commentId, content) =>
      withHostErrors(async () => {
        await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
      }),
    loadThread: (rootCommentId) =>
      withHostErrors(() => loadThread(octokit, where, rootCommentId, options.identity)),
  };
}

async function loadThread(
  octokit: Octokit,
  where: { owner: string; repo: string; pullNumber: number },
  rootCommentId: number,
  identity: SiftIdentity,
): Promise<ReviewThread | null> {
  const repo = { owner: where.owner, repo: where.repo };
  let root: Awaited<ReturnType<Octokit['rest']['pulls']['getReviewComment']>>['data'];
  try {
    ({ data: root } = await octokit.rest.pulls.getReviewComment({ ...repo, comment_id: rootCommentId }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    ...repo,
    pull_number: where.pullNumber,
    per_page: 100,
  });
  const replies = comments
    .filter((comment) => comment.in_reply_to_id === root.id)
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  return {
    repositoryUrl: repositoryUrlOf(root.html_url, where),
    root: {
      id: root.id,
      path: root.path,
      line: root.line ?? root.original_line ?? 1,
      side: root.side === 'LEFT' ? 'LEFT' : 'RIGHT',
      body: withoutMarkers(root.body),
      diffHunk: root.diff_hunk,
      marker: isSift(root.user, identity) ? readFindingMarker(root.body) : null,
    },
    replies: replies.map((comment) => ({
      id: comment.id,
      author: comment.user?.login ?? 'ghost',
      isBot: comment.user?.type === 'Bot',
      body: withoutMarkers(comment.body),
    })),
  };
}

/** The repository's page on the comment's host: github.com, or a GitHub Enterprise Server. */
function repositoryUrlOf(
  commentUrl: string | undefined,
  where: { owner: string; repo: string },
): string | null {
  const origin = commentUrl ? URL.parse(commentUrl)?.origin : undefined;
  return origin ? `${origin}/${where.owner}/${where.repo}` : null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
