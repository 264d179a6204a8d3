import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitTree } from './git-tree.js';
import type { FakePullRequest } from './pull-request-from-git.js';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export interface FakeGitHub {
  /** `host:port`, for GHE_HOST. */
  readonly host: string;
  readonly requests: RecordedRequest[];
  readonly reviews: Array<Record<string, unknown>>;
  readonly checkRuns: Array<{ method: string; body: Record<string, unknown> }>;
  /** Requests no route answered; a correct Sift leaves this empty. */
  readonly unexpected: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A GitHub Enterprise Server stand-in on 127.0.0.1 (REST under /api/v3) serving one pull request.
 * Like GitHub, it rejects a whole review with 422 when any inline comment is not on a line of the
 * diff, using its own reading of the patches — independent of Sift's diff parser.
 */
export async function startFakeGitHub(
  pr: FakePullRequest,
  options: { config?: string } = {},
): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];
  const reviews: Array<Record<string, unknown>> = [];
  const checkRuns: Array<{ method: string; body: Record<string, unknown> }> = [];
  const repoPath = `/api/v3/repos/${pr.owner}/${pr.repo}`;
  let nextCheckRunId = 1;

  const server: Server = createServer(async (request, response) => {
    const body = await readJson(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const recorded = { method, path: url.pathname + url.search, body };
    requests.push(recorded);
    const send = (status: number, payload: unknown, type = 'application/json; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type });
      response.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    const path = url.pathname;
    if (method === 'POST' && /^\/api\/v3\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return send(201, { token: 'ghs_fake', expires_at: '2099-01-01T00:00:00Z' });
    }
    if (
      method === 'GET' &&
      (path.endsWith('/contents/.github%2Fsift.yml') || path.endsWith('/contents/.github/sift.yml'))
    ) {
      if (options.config !== undefined && path.startsWith(repoPath))
        return send(200, options.config, 'text/plain; charset=utf-8');
      return send(404, { message: 'Not Found' });
    }
    const tree = /^\/api\/v3\/repos\/[^/]+\/[^/]+\/git\/trees\/([0-9a-f]{40})$/.exec(path);
    if (method === 'GET' && path.startsWith(repoPath) && tree?.[1])
      return send(200, gitTree(pr.dir, tree[1]));
    const blob = /\/git\/blobs\/([0-9a-f]{40})$/.exec(path);
    if (method === 'GET' && path.startsWith(repoPath) && blob?.[1]) {
      const content = execFileSync('git', ['-C', pr.dir, 'cat-file', 'blob', blob[1]]).toString('base64');
      return send(200, { sha: blob[1], encoding: 'base64', content });
    }
    const tarball = /\/tarball\/([0-9a-f]{40})$/.exec(path);
    if (method === 'GET' && path.startsWith(repoPath) && tarball?.[1]) {
      const prefix = `${pr.owner}-${pr.repo}-${tarball[1].slice(0, 7)}/`;
      response.writeHead(200, { 'content-type': 'application/x-gzip' });
      response.end(
        execFileSync('git', ['-C', pr.dir, 'archive', '--format=tar.gz', `--prefix=${prefix}`, tarball[1]], {
          maxBuffer: 256 << 20,
        }),
      );
      return;
    }
    if (method === 'GET' && path === `${repoPath}/pulls/${pr.number}`) return send(200, pr.pull);
    if (method === 'GET' && path === `${repoPath}/pulls/${pr.number}/files`) return send(200, pr.files);
    if (method === 'GET' && path === `${repoPath}/pulls/${pr.number}/commits`) return send(200, pr.commits);
    if (method === 'POST' && path === `${repoPath}/check-runs`) {
      checkRuns.push({ method: 'create', body: body as Record<string, unknown> });
      return send(201, { id: nextCheckRunId++ });
    }
    if (method === 'PATCH' && path.startsWith(`${repoPath}/check-runs/`)) {
      checkRuns.push({ method: 'update', body: body as Record<string, unknown> });
      return send(200, { id: Number(path.split('/').pop()) });
    }
    if (method === 'POST' && path === `${repoPath}/pulls/${pr.number}/reviews`) {
      const review = body as { comments?: Array<Record<string, unknown>> };
      const offDiff = (review.comments ?? []).filter((comment) => !commentFitsDiff(pr, comment));
      if (offDiff.length > 0) {
        return send(422, {
          message: 'Unprocessable Entity',
          errors: ['Line could not be resolved'],
          off: offDiff,
        });
      }
      reviews.push(body as Record<string, unknown>);
      return send(200, { id: reviews.length });
    }
    unexpected.push(recorded);
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    reviews,
    checkRuns,
    unexpected,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

/** GitHub's rule: `line` (and `start_line`) on `side` must be lines of one hunk of that file's patch. */
function commentFitsDiff(pr: FakePullRequest, comment: Record<string, unknown>): boolean {
  const file = pr.files.find((candidate) => candidate.filename === comment.path);
  const patch = typeof file?.patch === 'string' ? file.patch : '';
  const side = comment.side === 'LEFT' ? 'LEFT' : 'RIGHT';
  const hunkOf = new Map<number, number>();
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
      if (side === 'RIGHT') hunkOf.set(newLine, hunk);
      newLine += 1;
    } else if (row.startsWith('-')) {
      if (side === 'LEFT') hunkOf.set(oldLine, hunk);
      oldLine += 1;
    } else if (!row.startsWith('\\')) {
      hunkOf.set(side === 'RIGHT' ? newLine : oldLine, hunk);
      oldLine += 1;
      newLine += 1;
    }
  }
  const end = hunkOf.get(Number(comment.line));
  if (end === undefined) return false;
  if (comment.start_line === undefined) return true;
  return hunkOf.get(Number(comment.start_line)) === end && Number(comment.start_line) < Number(comment.line);
}
