import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeGitHub, type RecordedRequest, startFakeGitHub } from './fake-github-server.js';
import type { FakePullRequest } from './pull-request-from-git.js';

export interface FakeOrganisation {
  /** `http://127.0.0.1:<port>/api/v3`, for Probot's baseUrl (or GHE_HOST's API). */
  readonly apiUrl: string;
  /** Every request the organisation received, in order. */
  readonly requests: RecordedRequest[];
  /** Requests no repository and no route answered; a correct Sift leaves this empty. */
  readonly unexpected: RecordedRequest[];
  /** A repository's own fake GitHub: its reviews, comments, check runs and requests. */
  repository(name: string): FakeGitHub;
  close(): Promise<void>;
}

export interface FakeOrganisationOptions {
  readonly owner: string;
  /** `.github/sift.yml` in the organisation's `.github` repository; absent, there is no such file. */
  readonly orgConfig?: string;
  /** The repositories of one org-wide installation, each with one pull request and its own config file. */
  readonly repositories: ReadonlyArray<{ readonly pr: FakePullRequest; readonly config?: string }>;
}

/**
 * One GitHub Enterprise Server for an organisation with several repositories: a front on
 * 127.0.0.1 that serves the organisation's `.github` repository itself and hands every other
 * request to the fake GitHub of the repository it names (REST by its path, GraphQL by its `repo`
 * variable). App-level requests (installation tokens) go to the first repository's fake, since
 * one installation covers them all.
 */
export async function startFakeOrganisation(options: FakeOrganisationOptions): Promise<FakeOrganisation> {
  const backends = new Map<string, FakeGitHub>();
  for (const { pr, config } of options.repositories) {
    if (pr.owner !== options.owner) throw new Error(`${pr.owner}/${pr.repo} is not in ${options.owner}`);
    backends.set(pr.repo, await startFakeGitHub(pr, config !== undefined ? { config } : {}));
  }
  const first = backends.values().next().value;
  if (!first) throw new Error('an organisation needs at least one repository');
  const requests: RecordedRequest[] = [];
  const unexpected: RecordedRequest[] = [];

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const recorded: RecordedRequest = {
      method,
      path: url.pathname + url.search,
      body: body.length > 0 ? (JSON.parse(body.toString('utf8')) as unknown) : null,
      authorization: request.headers.authorization ?? null,
    };
    requests.push(recorded);
    const send = (status: number, payload: string, type = 'application/json; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type });
      response.end(payload);
    };
    const notFound = () => {
      unexpected.push(recorded);
      send(404, JSON.stringify({ message: 'Not Found' }));
    };

    const inRepository = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (inRepository) {
      const [, owner, repo, rest = ''] = inRepository;
      if (owner !== options.owner) return notFound();
      if (repo === '.github') {
        if (method !== 'GET' || !/^\/contents\/\.github(%2F|\/)sift\.yml$/.test(rest)) return notFound();
        // A missing file is an ordinary answer: Probot's config plugin asks before it knows.
        return options.orgConfig === undefined
          ? send(404, JSON.stringify({ message: 'Not Found' }))
          : send(200, options.orgConfig, 'text/plain; charset=utf-8');
      }
      const backend = backends.get(repo ?? '');
      return backend ? forward(backend, request, body, response) : notFound();
    }
    if (method === 'POST' && url.pathname === '/api/graphql') {
      const variables = (recorded.body as { variables?: { repo?: unknown } } | null)?.variables;
      const backend = typeof variables?.repo === 'string' ? backends.get(variables.repo) : undefined;
      return backend ? forward(backend, request, body, response) : notFound();
    }
    if (url.pathname.startsWith('/api/v3/app')) return forward(first, request, body, response);
    return notFound();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v3`,
    requests,
    unexpected,
    repository(name) {
      const backend = backends.get(name);
      if (!backend) throw new Error(`no repository ${name} in ${options.owner}`);
      return backend;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...backends.values()].map((backend) => backend.close()));
    },
  };
}

/** Sends the request on to a repository's fake unchanged (its Host too, so the links it builds name the front). */
function forward(
  backend: FakeGitHub,
  request: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
): void {
  const [hostname, port] = backend.host.split(':');
  const onward = httpRequest(
    { hostname, port: Number(port), method: request.method, path: request.url, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  onward.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ message: `fake organisation: ${error.message}` }));
  });
  onward.end(body);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
