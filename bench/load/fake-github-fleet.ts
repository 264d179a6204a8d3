import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A review as the fleet recorded it. */
export interface PostedReview {
  readonly pull: number;
  readonly head: string;
  readonly at: number;
}

/** A check run as the fleet last saw it: what Sift said about a head. */
export interface RecordedCheckRun {
  readonly head: string;
  conclusion: string | null;
  title: string | null;
  /** When it was concluded. */
  at: number | null;
}

export interface FakeGitHubFleet {
  /** `host:port`, for GHE_HOST. */
  readonly host: string;
  readonly reviews: PostedReview[];
  /** By check run id. */
  readonly checkRuns: Map<number, RecordedCheckRun>;
  /** Moves a pull request to a new head commit (a push), as GitHub would report it from then on. */
  push(pull: number, head: string): void;
  close(): Promise<void>;
}

const BOT = { login: 'sift-review[bot]', type: 'Bot' };

/**
 * A GitHub Enterprise Server stand-in for many pull requests of one repository, answering what a
 * review asks for — the pull request, its one-file diff, its commits, Sift's history (its own
 * review markers), check runs and reviews — and 404 for the rest (config, trees, tarballs), which
 * Sift treats as defaults and a diff-only review.
 */
export async function startFakeGitHubFleet(): Promise<FakeGitHubFleet> {
  const heads = new Map<number, string>();
  const reviews: PostedReview[] = [];
  const checkRuns = new Map<number, RecordedCheckRun>();
  const server: Server = createServer(async (request, response) => {
    const body = await readJson(request);
    const path = new URL(request.url ?? '/', 'http://fleet').pathname;
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const method = request.method ?? 'GET';
    if (method === 'GET' && path.endsWith('/api/v3/app'))
      return send(200, { id: 1, slug: 'sift-review', name: 'Sift' });
    if (method === 'POST' && /\/app\/installations\/\d+\/access_tokens$/.test(path))
      return send(201, { token: 'ghs_fleet', expires_at: '2099-01-01T00:00:00Z' });
    if (method === 'POST' && path.endsWith('/graphql')) {
      const number = Number((body as { variables?: { number?: number } }).variables?.number);
      const nodes = reviews
        .filter((review) => review.pull === number)
        .map((review) => ({
          body: `<!-- sift:review {"head":"${review.head}"} -->\nSift reviewed 1 file.`,
          submittedAt: null,
          author: { __typename: 'Bot', login: 'sift-review' },
        }));
      return send(200, {
        data: {
          repository: {
            pullRequest: {
              reviews: { nodes },
              comments: { nodes: [] },
              reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
            },
          },
        },
      });
    }
    const pull = /\/repos\/acme\/fleet\/pulls\/(\d+)(\/files|\/commits|\/reviews)?$/.exec(path);
    if (pull) {
      const number = Number(pull[1]);
      const head = heads.get(number);
      if (!head) return send(404, { message: 'Not Found' });
      if (pull[2] === '/files') return send(200, [changedFile(head)]);
      if (pull[2] === '/commits')
        return send(200, [{ sha: head, commit: { message: `Push ${head.slice(0, 7)}` } }]);
      if (pull[2] === '/reviews' && method === 'POST') {
        reviews.push({
          pull: number,
          head: String((body as { commit_id: string }).commit_id),
          at: Date.now(),
        });
        return send(200, { id: reviews.length });
      }
      return send(200, pullRequest(number, head));
    }
    if (method === 'POST' && path.endsWith('/check-runs')) {
      const id = checkRuns.size + 1;
      checkRuns.set(id, {
        head: String((body as { head_sha?: string }).head_sha),
        conclusion: null,
        at: null,
        title: null,
      });
      return send(201, { id });
    }
    const patched = method === 'PATCH' ? /\/check-runs\/(\d+)$/.exec(path) : null;
    if (patched) {
      const run = checkRuns.get(Number(patched[1]));
      const update = body as { conclusion?: string; output?: { title?: string } };
      if (run && update.conclusion)
        Object.assign(run, {
          conclusion: update.conclusion,
          title: update.output?.title ?? null,
          at: Date.now(),
        });
      return send(200, { id: Number(patched[1]) });
    }
    if (method === 'POST' && /\/issues\/\d+\/comments$/.test(path)) return send(201, { id: 1, user: BOT });
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    reviews,
    checkRuns,
    push: (pull, head) => heads.set(pull, head),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function pullRequest(number: number, head: string) {
  return {
    number,
    title: `Change ${number}`,
    body: '',
    user: { login: 'octocat', type: 'User' },
    draft: false,
    state: 'open',
    merged: false,
    labels: [],
    base: { ref: 'main', sha: 'b'.repeat(40), repo: { html_url: 'https://fleet.example/acme/fleet' } },
    head: { ref: `change-${number}`, sha: head },
    changed_files: 1,
  };
}

function changedFile(head: string) {
  return {
    filename: 'src/stock.ts',
    status: 'modified',
    additions: 1,
    deletions: 1,
    changes: 2,
    patch: `@@ -1,2 +1,2 @@\n export function reserve(available: number, count: number) {\n-  return available >= count;\n+  return available > count; // ${head.slice(0, 7)}`,
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}
