import nock from 'nock';
import { jsonFixture } from './fixtures.js';

export const GITHUB_API = 'https://api.github.com';

/** What Sift sent to GitHub during a test, in order. */
export interface GitHubRequests {
  checkRuns: Array<{ method: 'create' | 'update'; body: Record<string, unknown> }>;
  reviews: Array<Record<string, unknown>>;
}

export function recordGitHubRequests(): GitHubRequests {
  return { checkRuns: [], reviews: [] };
}

export function nockInstallationToken(installationId = 55): nock.Scope {
  // Which app Sift is (its bot's markers are the only ones trusted): asked once per process.
  nock(GITHUB_API).get('/app').optionally().reply(200, { id: 123, slug: 'sift-review', name: 'Sift' });
  return nock(GITHUB_API)
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token: 'ghs_test', expires_at: '2099-01-01T00:00:00Z', permissions: {} });
}

export function nockPullRequest(options: {
  fixture: string;
  owner?: string;
  repo?: string;
  number?: number;
  patch?: (pull: Record<string, unknown>) => void;
}): nock.Scope {
  const pull = jsonFixture<Record<string, unknown>>(`github/${options.fixture}/pulls.get.json`);
  options.patch?.(pull);
  return nock(GITHUB_API)
    .get(`/repos/${options.owner ?? 'acme'}/${options.repo ?? 'inventory'}/pulls/${options.number ?? 7}`)
    .reply(200, pull);
}

export function nockListFiles(options: { fixture: string; files?: unknown[] }): nock.Scope {
  const files = options.files ?? jsonFixture<unknown[]>(`github/${options.fixture}/pulls.listFiles.json`);
  return nock(GITHUB_API)
    .get('/repos/acme/inventory/pulls/7/files')
    .query({ per_page: 100 })
    .reply(200, files);
}

export function nockListCommits(options: { fixture: string }): nock.Scope {
  return nock(GITHUB_API)
    .get('/repos/acme/inventory/pulls/7/commits')
    .query({ per_page: 100 })
    .reply(200, jsonFixture(`github/${options.fixture}/pulls.listCommits.json`));
}

/**
 * `.github/sift.yml` on the base branch: its YAML text, or null for "no such file" (then the
 * organisation's `.github` repository is asked too, as Probot's config plugin does).
 */
export function nockRepoConfig(
  yaml: string | null,
  options: { ref?: string; times?: number } = {},
): nock.Scope {
  const scope = nock(GITHUB_API)
    .get('/repos/acme/inventory/contents/.github%2Fsift.yml')
    .query({ ref: options.ref ?? 'main' })
    .times(options.times ?? 1);
  if (yaml === null) {
    scope.reply(404, { message: 'Not Found' });
    return nock(GITHUB_API)
      .get('/repos/acme/.github/contents/.github%2Fsift.yml')
      .reply(404, { message: 'Not Found' });
  }
  return scope.reply(200, yaml, { 'content-type': 'text/plain; charset=utf-8' });
}

export function nockCreateCheckRun(requests: GitHubRequests, id = 9000): nock.Scope {
  return nock(GITHUB_API)
    .post('/repos/acme/inventory/check-runs', (body: Record<string, unknown>) => {
      requests.checkRuns.push({ method: 'create', body });
      return true;
    })
    .reply(201, { id });
}

export function nockUpdateCheckRun(requests: GitHubRequests, id = 9000): nock.Scope {
  return nock(GITHUB_API)
    .patch(`/repos/acme/inventory/check-runs/${id}`, (body: Record<string, unknown>) => {
      requests.checkRuns.push({ method: 'update', body });
      return true;
    })
    .reply(200, { id });
}

export function nockCreateReview(requests: GitHubRequests): nock.Scope {
  return nock(GITHUB_API)
    .post('/repos/acme/inventory/pulls/7/reviews', (body: Record<string, unknown>) => {
      requests.reviews.push(body);
      return true;
    })
    .reply(200, { id: 314 });
}

/** An empty GraphQL history answer: Sift has said nothing on the pull request yet. */
export function emptyHistory() {
  return {
    data: {
      repository: {
        pullRequest: {
          reviews: { nodes: [] },
          comments: { nodes: [] },
          reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        },
      },
    },
  };
}

/**
 * Answers the history query Sift makes before each review (GraphQL), by default with nothing said
 * yet — and the same answer once more for the look Sift takes just before it posts (optional: a
 * review that posts nothing does not take it).
 */
export function nockSiftHistory(answer: Record<string, unknown> = emptyHistory(), times = 1): nock.Scope {
  const isHistory = (body: { query?: string }) => Boolean(body.query?.includes('SiftHistory'));
  const scope = nock(GITHUB_API).post('/graphql', isHistory).times(times).reply(200, answer);
  nock(GITHUB_API).post('/graphql', isHistory).optionally().reply(200, answer);
  return scope;
}
