import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeMarketplace, type FakeMarketplace } from './fake-marketplace.js';
import { gitTree } from './git-tree.js';
import type { FakePullRequest } from './pull-request-from-git.js';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  /** The Authorization header: the app's JWT (`bearer …`) or an installation token (`token …`). */
  readonly authorization: string | null;
}

/** A review comment as the fake GitHub keeps it (a thread is its first comment and the replies to it). */
export interface FakeReviewComment {
  id: number;
  /** The pull request it is on. */
  pullNumber: number;
  path: string;
  line: number | null;
  side: 'LEFT' | 'RIGHT';
  body: string;
  in_reply_to_id: number | null;
  user: { login: string; type: 'Bot' | 'User' };
  commit_id: string;
  diff_hunk: string;
  created_at: string;
  /** Thread state, on the first comment of a thread. */
  resolved: boolean;
  resolvedBy: string | null;
  /** Who reacted 👎 to the comment. */
  thumbsDownBy: string[];
  /** Who reacted 👍 to it. */
  thumbsUpBy: string[];
}

export interface FakeGitHub {
  /** `host:port`, for GHE_HOST. */
  readonly host: string;
  /** `http://host:port/api/v3`, for Probot's baseUrl. */
  readonly apiUrl: string;
  readonly requests: RecordedRequest[];
  readonly reviews: Array<Record<string, unknown>>;
  readonly reviewComments: FakeReviewComment[];
  readonly issueComments: Array<{
    id: number;
    body: string;
    user: { login: string; type: string };
    /** The pull request it is on. */
    pullNumber: number;
  }>;
  readonly reactions: Array<{ commentId: number; content: string }>;
  readonly checkRuns: Array<{ method: string; body: Record<string, unknown> }>;
  /** The summary of the latest check-run write; throws when Sift wrote none. */
  lastCheckRunSummary(): string;
  /** Requests no route answered; a correct Sift leaves this empty. */
  readonly unexpected: RecordedRequest[];
  /**
   * Moves a pull request to a new head (a push): its files, commits and head commit. A pull request
   * of another number is opened beside the others (of the same repository and git directory).
   */
  updatePullRequest(pr: FakePullRequest): void;
  /** The pull request each review in `reviews` was posted on. */
  pullOfReview(review: Record<string, unknown>): number | undefined;
  /** A person's reply in a thread, as GitHub would store it (then deliver the webhook yourself). */
  addReply(rootId: number, body: string, user: string): FakeReviewComment;
  /**
   * Answers the next `times` requests matching `method` and `path` with `status` instead of
   * serving them: GitHub's outages, refusals and missing permissions.
   */
  fail(method: string, path: RegExp, status: number, times?: number): void;
  /** Permission levels by user login; anyone else is a plain reader. */
  readonly permissions: Map<string, 'admin' | 'maintain' | 'write' | 'read'>;
  /** The app-level endpoints: installations' accounts and Marketplace purchases. */
  readonly marketplace: FakeMarketplace;
  close(): Promise<void>;
}

const SIFT_APP_BOT = { login: 'sift-review[bot]', type: 'Bot' as const };

/**
 * A stateful GitHub Enterprise Server stand-in on 127.0.0.1 (REST under /api/v3, GraphQL at
 * /api/graphql) serving the pull requests of one repository: reviews, review comments and their threads, replies,
 * issue comments, reactions, check runs, commit comparison and the repository's trees, blobs and
 * tarballs from a local git clone. Like GitHub, it rejects a whole review with 422 when an inline
 * comment is not on a line of the diff — checked with its own reading of the patches.
 */
export async function startFakeGitHub(
  initial: FakePullRequest,
  options: {
    config?: string;
    /** The account the token posts as (GraphQL `viewer`): the app's bot unless given, `github-actions[bot]` in a workflow. */
    bot?: { login: string; type: 'Bot' };
  } = {},
): Promise<FakeGitHub> {
  const BOT = options.bot ?? SIFT_APP_BOT;
  let pr = initial;
  const pullRequests = new Map<number, FakePullRequest>([[initial.number, initial]]);
  const reviewPulls = new WeakMap<Record<string, unknown>, number>();
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const reviews: Array<Record<string, unknown>> = [];
  const reviewComments: FakeReviewComment[] = [];
  const issueComments: FakeGitHub['issueComments'] = [];
  const reactions: FakeGitHub['reactions'] = [];
  const checkRuns: Array<{ method: string; body: Record<string, unknown> }> = [];
  const permissions = new Map<string, 'admin' | 'maintain' | 'write' | 'read'>();
  const marketplace = createFakeMarketplace();
  let nextId = 1000;
  const faults: Array<{ method: string; path: RegExp; status: number; left: number }> = [];
  const repoPath = `/api/v3/repos/${initial.owner}/${initial.repo}`;
  // stderr is captured: a file missing at a ref is a 404, not noise in the test output.
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', pr.dir, ...args], { maxBuffer: 256 << 20, stdio: 'pipe' });

  const server: Server = createServer(async (request, response) => {
    const body = await readJson(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const recorded = {
      method,
      path: url.pathname + url.search,
      body,
      authorization: request.headers.authorization ?? null,
    };
    requests.push(recorded);
    const send = (status: number, payload: unknown, type = 'application/json; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type });
      response.end(
        typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
      );
    };
    const path = url.pathname;
    const fault = faults.find((item) => item.left > 0 && item.method === method && item.path.test(path));
    if (fault) {
      fault.left -= 1;
      return send(fault.status, { message: `Injected ${fault.status}` });
    }
    const route = (verb: string, pattern: RegExp) => (method === verb ? pattern.exec(path) : null);
    // The pull request a path names (`/pulls/8/…`, `/issues/8/…`), or the latest one.
    const numbered = new RegExp(`^${repoPath}/(?:pulls|issues)/(\\d+)(?:/|$)`).exec(path);
    const current = numbered ? pullRequests.get(Number(numbered[1])) : pr;
    if (!current) return send(404, { message: 'Not Found' });
    const pulls = `${repoPath}/pulls/${current.number}`;
    // The web pages of a GitHub Enterprise Server sit on its host, outside /api/v3.
    const pullPage = `http://${request.headers.host}/${initial.owner}/${initial.repo}/pull/${current.number}`;
    const restComment = (comment: FakeReviewComment) => restCommentOf(comment, pullPage);
    let match: RegExpExecArray | null;

    if (route('POST', /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/)) {
      return send(201, { token: 'ghs_fake', expires_at: '2099-01-01T00:00:00Z' });
    }
    // The app itself: Sift trusts markers only from its own bot, `<slug>[bot]`.
    if (route('GET', /^\/api\/v3\/app$/)) return send(200, { id: 123, slug: 'sift-review', name: 'Sift' });
    const appAnswer = marketplace.answer(method, path, request.headers.authorization);
    if (appAnswer) return send(...appAnswer);
    // GitHub Enterprise Server answers GraphQL at /api/graphql, beside the REST API, not under it.
    if (method === 'POST' && path === '/api/graphql') return send(200, graphql(body as GraphQLBody));
    if (method === 'GET' && /\/contents\/\.github(%2F|\/)sift\.yml$/.test(path)) {
      if (options.config !== undefined && path.startsWith(repoPath))
        return send(200, options.config, 'text/plain; charset=utf-8');
      // Without a fixed configuration, the repository's own file at the ref asked for (below).
      if (!path.startsWith(repoPath)) return send(404, { message: 'Not Found' });
    }
    match = route('GET', new RegExp(`^${repoPath}/contents/(.+)$`));
    if (match) {
      const file = decodeURIComponent(match[1] ?? '');
      const ref = url.searchParams.get('ref') ?? 'HEAD';
      try {
        return send(200, git('show', `${ref}:${file}`), 'text/plain; charset=utf-8');
      } catch {
        return send(404, { message: 'Not Found' });
      }
    }
    match = route('GET', new RegExp(`^${repoPath}/git/trees/([0-9a-f]{40})$`));
    if (match) return send(200, gitTree(pr.dir, match[1] ?? ''));
    match = route('GET', new RegExp(`^${repoPath}/git/blobs/([0-9a-f]{40})$`));
    if (match) {
      return send(200, {
        sha: match[1],
        encoding: 'base64',
        content: git('cat-file', 'blob', match[1] ?? '').toString('base64'),
      });
    }
    match = route('GET', new RegExp(`^${repoPath}/tarball/([0-9a-f]{40})$`));
    if (match) {
      const sha = match[1] ?? '';
      return send(
        200,
        git('archive', '--format=tar.gz', `--prefix=${pr.owner}-${pr.repo}-${sha.slice(0, 7)}/`, sha),
        'application/x-gzip',
      );
    }
    match = route('GET', new RegExp(`^${repoPath}/compare/([0-9a-f]{40})\\.\\.\\.([0-9a-f]{40})$`));
    if (match) {
      return send(...compare(match[1] ?? '', match[2] ?? ''));
    }
    match = route('GET', new RegExp(`^${repoPath}/collaborators/([^/]+)/permission$`));
    if (match) {
      const level = permissions.get(decodeURIComponent(match[1] ?? '')) ?? 'read';
      const permission = level === 'maintain' ? 'write' : level;
      return send(200, { permission, role_name: level, user: { login: match[1] } });
    }
    if (method === 'GET' && path === pulls) return send(200, current.pull);
    if (method === 'GET' && path === `${pulls}/files`) return send(200, current.files);
    if (method === 'GET' && path === `${pulls}/commits`) return send(200, current.commits);
    if (method === 'GET' && path === `${pulls}/comments`)
      return send(200, reviewComments.filter((item) => item.pullNumber === current.number).map(restComment));
    match = route('GET', new RegExp(`^${repoPath}/pulls/comments/(\\d+)$`));
    if (match) {
      const comment = reviewComments.find((item) => item.id === Number(match?.[1]));
      return comment ? send(200, restComment(comment)) : send(404, { message: 'Not Found' });
    }
    match = route('POST', new RegExp(`^${pulls}/comments/(\\d+)/replies$`));
    if (match) {
      const root = reviewComments.find((item) => item.id === Number(match?.[1]));
      if (!root) return send(404, { message: 'Not Found' });
      const reply = addComment({
        ...root,
        body: (body as { body: string }).body,
        in_reply_to_id: root.id,
        user: BOT,
      });
      return send(201, restComment(reply));
    }
    if (method === 'POST' && path === `${pulls}/reviews`) {
      const review = body as { comments?: Array<Record<string, unknown>>; commit_id: string; body: string };
      const offDiff = (review.comments ?? []).filter((comment) => !commentFitsDiff(current, comment));
      if (offDiff.length > 0)
        return send(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
      reviews.push(review as Record<string, unknown>);
      reviewPulls.set(review as Record<string, unknown>, current.number);
      for (const comment of review.comments ?? []) {
        addComment({
          pullNumber: current.number,
          path: String(comment.path),
          line: Number(comment.line),
          side: comment.side === 'LEFT' ? 'LEFT' : 'RIGHT',
          body: String(comment.body),
          in_reply_to_id: null,
          user: BOT,
          commit_id: review.commit_id,
          diff_hunk: hunkOf(current, String(comment.path), Number(comment.line)),
        });
      }
      return send(200, { id: reviews.length });
    }
    if (method === 'POST' && path === `${repoPath}/issues/${current.number}/comments`) {
      const comment = {
        id: nextId++,
        body: (body as { body: string }).body,
        user: BOT,
        pullNumber: current.number,
      };
      issueComments.push(comment);
      return send(201, comment);
    }
    match = route('POST', new RegExp(`^${repoPath}/issues/comments/(\\d+)/reactions$`));
    if (match) {
      reactions.push({ commentId: Number(match[1]), content: (body as { content: string }).content });
      return send(201, { id: nextId++ });
    }
    if (method === 'POST' && path === `${repoPath}/check-runs`) {
      checkRuns.push({ method: 'create', body: body as Record<string, unknown> });
      return send(201, { id: checkRuns.length });
    }
    if (method === 'PATCH' && path.startsWith(`${repoPath}/check-runs/`)) {
      checkRuns.push({ method: 'update', body: body as Record<string, unknown> });
      return send(200, { id: Number(path.split('/').pop()) });
    }
    unexpected.push(recorded);
    return send(404, { message: 'Not Found' });
  });

  function addComment(
    fields: Omit<
      FakeReviewComment,
      'id' | 'created_at' | 'resolved' | 'resolvedBy' | 'thumbsDownBy' | 'thumbsUpBy'
    >,
  ): FakeReviewComment {
    const comment: FakeReviewComment = {
      ...fields,
      id: nextId++,
      created_at: new Date(Date.UTC(2026, 11, 1, 0, 0, nextId % 60, nextId)).toISOString(),
      resolved: false,
      resolvedBy: null,
      thumbsDownBy: [],
      thumbsUpBy: [],
    };
    reviewComments.push(comment);
    return comment;
  }

  function compare(base: string, head: string): [number, unknown] {
    try {
      git('cat-file', '-e', `${base}^{commit}`);
    } catch {
      return [404, { message: 'No common ancestor' }];
    }
    let ahead = true;
    try {
      git('merge-base', '--is-ancestor', base, head);
    } catch {
      ahead = false;
    }
    if (!ahead) return [200, { status: 'diverged', files: [] }];
    return [200, { status: 'ahead', files: filesBetween(pr.dir, base, head) }];
  }

  function graphql(request: GraphQLBody): unknown {
    if (/\bviewer\b/.test(request.query)) return { data: { viewer: { login: BOT.login } } };
    if (request.query.includes('resolveReviewThread')) {
      const comment = reviewComments.find((item) => `T_${item.id}` === request.variables.threadId);
      if (comment) {
        comment.resolved = true;
        comment.resolvedBy = BOT.login;
      }
      return {
        data: { resolveReviewThread: { thread: { id: request.variables.threadId, isResolved: true } } },
      };
    }
    const number = Number(request.variables.number ?? pr.number);
    const roots = reviewComments.filter(
      (comment) => comment.in_reply_to_id === null && comment.pullNumber === number,
    );
    const node = (comment: FakeReviewComment) => ({
      databaseId: comment.id,
      body: comment.body,
      author: { __typename: comment.user.type, login: comment.user.login.replace(/\[bot\]$/, '') },
      reactions: { nodes: comment.thumbsDownBy.map((login) => ({ user: { login } })) },
      thumbsUp: { nodes: comment.thumbsUpBy.map((login) => ({ user: { login } })) },
    });
    return {
      data: {
        repository: {
          pullRequest: {
            comments: {
              nodes: issueComments
                .filter((comment) => comment.pullNumber === number)
                .map((comment) => ({
                  body: comment.body,
                  author: {
                    __typename: comment.user.type,
                    login: comment.user.login.replace(/\[bot\]$/, ''),
                  },
                })),
            },
            reviews: {
              nodes: reviews
                .filter((review) => reviewPulls.get(review) === number)
                .map((review) => {
                  // A review a test added as someone else names its author; the ones Sift posted are the bot's.
                  const user = (review.user as { login: string; type: string } | undefined) ?? BOT;
                  return {
                    body: review.body,
                    submittedAt: null,
                    author: { __typename: user.type, login: user.login.replace(/\[bot\]$/, '') },
                  };
                }),
            },
            reviewThreads: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: roots.map((root) => ({
                id: `T_${root.id}`,
                isResolved: root.resolved,
                path: root.path,
                resolvedBy: root.resolvedBy ? { login: root.resolvedBy } : null,
                comments: {
                  nodes: [
                    root,
                    ...reviewComments.filter((comment) => comment.in_reply_to_id === root.id),
                  ].map(node),
                },
              })),
            },
          },
        },
      },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    apiUrl: `http://127.0.0.1:${port}/api/v3`,
    requests,
    reviews,
    reviewComments,
    issueComments,
    reactions,
    checkRuns,
    unexpected,
    permissions,
    marketplace,
    lastCheckRunSummary() {
      const output = checkRuns.at(-1)?.body.output as { summary?: unknown } | undefined;
      if (typeof output?.summary !== 'string') throw new Error('Sift wrote no check-run summary');
      return output.summary;
    },
    fail(method, path, status, times = Number.POSITIVE_INFINITY) {
      faults.push({ method, path, status, left: times });
    },
    updatePullRequest(next) {
      pullRequests.set(next.number, next);
      pr = next;
    },
    pullOfReview: (review) => reviewPulls.get(review),
    addReply(rootId, body, user) {
      const root = reviewComments.find((comment) => comment.id === rootId);
      if (!root) throw new Error(`no review comment ${rootId}`);
      return addComment({ ...root, body, in_reply_to_id: rootId, user: { login: user, type: 'User' } });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
}

function restCommentOf(comment: FakeReviewComment, pullPage: string) {
  const { resolved: _resolved, resolvedBy: _by, thumbsDownBy: _down, thumbsUpBy: _up, ...rest } = comment;
  return {
    ...rest,
    original_line: comment.line,
    pull_request_review_id: 1,
    html_url: `${pullPage}#discussion_r${comment.id}`,
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

/** Files changed between two commits, as GitHub's compare endpoint lists them. */
function filesBetween(dir: string, base: string, head: string) {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return git('diff', '--name-only', base, head)
    .split('\n')
    .filter(Boolean)
    .map((filename) => {
      const text = git('diff', base, head, '--', filename);
      const start = text.search(/^@@ /m);
      const patch = start < 0 ? undefined : text.slice(start).replace(/\n$/, '');
      const additions = patch ? patch.split('\n').filter((line) => line.startsWith('+')).length : 0;
      const deletions = patch ? patch.split('\n').filter((line) => line.startsWith('-')).length : 0;
      return {
        filename,
        status: 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        ...(patch ? { patch } : {}),
      };
    });
}

function hunkOf(pr: FakePullRequest, path: string, line: number): string {
  const patch = pr.files.find((file) => file.filename === path)?.patch;
  if (typeof patch !== 'string') return '';
  const hunks = patch.split(/^(?=@@ )/m);
  return (
    hunks.find((hunk) => {
      const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(hunk);
      const start = Number(header?.[1]);
      return line >= start && line < start + Number(header?.[2] ?? 1);
    }) ?? ''
  );
}

/** GitHub's rule: `line` (and `start_line`) on `side` must be lines of one hunk of that file's patch. */
function commentFitsDiff(pr: FakePullRequest, comment: Record<string, unknown>): boolean {
  const file = pr.files.find((candidate) => candidate.filename === comment.path);
  const patch = typeof file?.patch === 'string' ? file.patch : '';
  const side = comment.side === 'LEFT' ? 'LEFT' : 'RIGHT';
  const hunkOfLine = new Map<number, number>();
  let hunk = -1;
  let oldLine = 0;
  let newLine = 0;
  for (const row of patch.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (header) {
      hunk += 1;
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
    } else if (row.startsWith('+')) {
      if (side === 'RIGHT') hunkOfLine.set(newLine, hunk);
      newLine += 1;
    } else if (row.startsWith('-')) {
      if (side === 'LEFT') hunkOfLine.set(oldLine, hunk);
      oldLine += 1;
    } else if (!row.startsWith('\\')) {
      hunkOfLine.set(side === 'RIGHT' ? newLine : oldLine, hunk);
      oldLine += 1;
      newLine += 1;
    }
  }
  const end = hunkOfLine.get(Number(comment.line));
  if (end === undefined) return false;
  if (comment.start_line === undefined) return true;
  return (
    hunkOfLine.get(Number(comment.start_line)) === end && Number(comment.start_line) < Number(comment.line)
  );
}
