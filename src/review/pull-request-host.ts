import type { LoadedRepoConfig } from '../config/loaded-repo-config.js';
import type { DiffFile, Side } from '../diff/types.js';
import type { FindingMarker, PostedFinding, PullRequestChange } from './types.js';

/**
 * The pull-request host port: everything the review jobs ask of the place a pull request lives,
 * for one pull request. The GitHub App implements it over octokit (src/github/), the CLI and the
 * eval harness over a local git checkout (src/repository/), so one code path serves all three.
 * Every method may throw HostRequestError for a failure of the host itself.
 */
export interface PullRequestHost {
  /** The pull request as the host has it now: metadata, every changed file parsed, commit messages. */
  loadPullRequest(): Promise<PullRequestChange>;
  /** `.github/sift.yml` as committed on `ref` (the base branch), with the host's inheritance rules. */
  readConfig(ref: string): Promise<LoadedRepoConfig>;
  /** How `head` relates to an earlier commit, with the files changed since when it is ahead. */
  compareCommits(base: string, head: string): Promise<Comparison>;
  /** A file at a commit: whether it exists, and its text when it is text. */
  readFile(ref: string, path: string): Promise<FileAtRef>;
  /** What Sift already said on the pull request: its reviews' heads and its findings' threads. */
  loadHistory(): Promise<SiftHistory>;
  /** A person's permission on the repository. */
  permissionOf(login: string): Promise<Permission>;
  /** Shows the review as running on `headSha`; null when the host has no check runs for Sift. */
  startCheckRun(headSha: string): Promise<CheckRun | null>;
  /** Completes a started check run, or creates a completed one for `headSha` when `run` is null. */
  finishCheckRun(headSha: string, run: CheckRun | null, report: CheckRunReport): Promise<void>;
  /**
   * Posts one review (event COMMENT) on `headSha`; the host encodes the markers it is given. Throws
   * ReviewRefusedError when the host refuses an inline comment's place (GitHub's 422).
   */
  postReview(review: ReviewToPost): Promise<PostedReview>;
  /** Answers in the thread of a review comment. */
  replyInThread(commentId: number, body: string): Promise<void>;
  /** Marks a finding's thread resolved. */
  resolveThread(threadId: string): Promise<void>;
  /** A comment in the pull request's conversation; `notice` makes it one Sift says at most once. */
  comment(body: string, notice?: string): Promise<void>;
  /** Acknowledges a comment (👀 on a `/review`). */
  react(commentId: number, content: 'eyes'): Promise<void>;
  /** A review comment with its thread, oldest reply first; null when it is gone. */
  loadThread(rootCommentId: number): Promise<ReviewThread | null>;
}

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface SiftHistory {
  /** The head commit of Sift's most recent review, from its hidden marker. */
  readonly lastReviewedHead: string | null;
  readonly reviewedHeads: ReadonlySet<string>;
  /** The jobs (by delivery id) whose reviews are on the pull request: a job run twice posts once. */
  readonly reviewedByJobs: ReadonlySet<string>;
  readonly findings: readonly PostedFinding[];
  /** The notices Sift has already given on this pull request (see `comment`). */
  readonly notices: ReadonlySet<string>;
}

/**
 * How a head commit relates to an earlier one: `ahead` with the files changed since (when the
 * earlier commit is an ancestor), or why an incremental review is not possible — a force-push
 * rewrote history (`diverged`, `behind`), or the earlier commit is gone (`unknown`).
 */
export type Comparison =
  | { readonly status: 'ahead'; readonly files: readonly DiffFile[]; readonly complete: boolean }
  | { readonly status: 'identical' | 'diverged' | 'behind' | 'unknown' };

export interface FileAtRef {
  readonly exists: boolean;
  readonly text: string | null;
}

export interface CheckRun {
  readonly id: number;
}

export type CheckConclusion = 'success' | 'neutral' | 'failure' | 'skipped' | 'cancelled';

export interface CheckRunReport {
  readonly conclusion: CheckConclusion;
  readonly title: string;
  readonly summary: string;
  readonly text?: string | undefined;
}

export interface CommentToPost {
  readonly path: string;
  readonly side: Side;
  readonly startLine: number;
  readonly endLine: number;
  readonly body: string;
  readonly marker: FindingMarker;
}

export interface ReviewToPost {
  readonly headSha: string;
  /** The job posting it (its delivery id), kept in the review's marker. */
  readonly jobId?: string | undefined;
  readonly body: string;
  readonly comments: readonly CommentToPost[];
}

export interface PostedReview {
  readonly reviewId: number;
}

export interface ReviewThread {
  /** The pull request's repository on the web, where links in a reply may point; null when unknown. */
  readonly repositoryUrl: string | null;
  readonly root: {
    readonly id: number;
    readonly path: string;
    readonly line: number;
    readonly side: Side;
    readonly body: string;
    readonly diffHunk: string;
    /** The marker of Sift's comment, when the thread is Sift's. */
    readonly marker: FindingMarker | null;
  };
  readonly replies: ReadonlyArray<{
    readonly id: number;
    readonly author: string;
    readonly isBot: boolean;
    readonly body: string;
  }>;
}
