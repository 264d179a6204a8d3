import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createSift } from '../../src/app.js';
import { createGitHubRepository } from '../../src/github/github-repository.js';
import { createBlobCache } from '../../src/repository/blob-cache.js';
import type { SnapshotLimits } from '../../src/repository/snapshot-limits.js';
import { tarEntry } from '../repository/tarball.js';
import { gitRepoFromFixture } from '../support/git-repo-from-fixture.js';
import { GITHUB_API, nockInstallationToken, nockSiftHistory } from '../support/github-nock.js';
import { createTestModelClient, type ModelRequests } from '../support/model-nock.js';
import { nockRepositoryAtCommit } from '../support/nock-repository.js';
import { pullRequestFromGit } from '../support/pull-request-from-git.js';
import { nockScriptedModel } from '../support/scripted-model.js';
import { makeTempDir } from '../support/temp-dir.js';
import { createTestProbot } from '../support/test-probot.js';

/** GitHub's answers for the checkout fixture's pull request, which reorders applyDiscount's parameters. */
function nockCheckoutPullRequest(dir: string, requests: { reviews: unknown[]; checkRuns: unknown[] }) {
  const pr = pullRequestFromGit(dir, {
    baseRef: 'base',
    headRef: 'head',
    title: 'Take the discount percentage first',
    body: 'So a discount can be partially applied.',
    repo: 'checkout',
    number: 3,
  });
  const api = nock(GITHUB_API);
  nockSiftHistory();
  api.post('/repos/acme/checkout/check-runs').reply(201, { id: 1 });
  api.get('/repos/acme/checkout/contents/.github%2Fsift.yml').query(true).reply(404, {});
  api.get('/repos/acme/.github/contents/.github%2Fsift.yml').reply(404, {});
  api.get('/repos/acme/checkout/pulls/3').reply(200, pr.pull);
  api.get('/repos/acme/checkout/pulls/3/files').query(true).reply(200, pr.files);
  api.get('/repos/acme/checkout/pulls/3/commits').query(true).reply(200, pr.commits);
  api
    .post('/repos/acme/checkout/pulls/3/reviews', (body) => Boolean(requests.reviews.push(body)))
    .reply(200, { id: 1 });
  api
    .patch('/repos/acme/checkout/check-runs/1', (body) => Boolean(requests.checkRuns.push(body)))
    .reply(200, { id: 1 });
  return pr;
}

/**
 * Sift, reading the repository through `createGitHubRepository` with a fresh blob cache, receives
 * `pull_request.opened` for the checkout fixture; `nockSnapshot` answers the repository reads.
 */
async function reviewCheckoutPullRequest(options: {
  limits?: Partial<SnapshotLimits>;
  nockSnapshot: (dir: string) => void;
}) {
  const dir = gitRepoFromFixture('checkout');
  const cache = createBlobCache({ directory: makeTempDir('sift-cache-'), maxBytes: 50 << 20 });
  const limits = options.limits;
  const sift = createSift({
    model: createTestModelClient(),
    env: { workerConcurrency: 1 },
    repositoryFor: (octokit, repository) =>
      createGitHubRepository(octokit, repository, { cache, ...(limits ? { limits } : {}) }),
  });
  const probot = await createTestProbot(sift);
  const requests = { reviews: [] as unknown[], checkRuns: [] as Array<Record<string, unknown>> };
  const modelRequests: ModelRequests = [];
  nockInstallationToken();
  const pr = nockCheckoutPullRequest(dir, requests);
  options.nockSnapshot(dir);
  nockScriptedModel({ review: () => [] }, 4, modelRequests);

  await probot.receive({
    id: 'delivery-checkout',
    name: 'pull_request',
    payload: {
      action: 'opened',
      number: 3,
      pull_request: pr.pull,
      repository: { name: 'checkout', owner: { login: 'acme' } },
      installation: { id: 55 },
    },
  } as never);
  await sift.onIdle();

  const prompt = modelRequests[0]?.messages.map((message) => message.content).join('\n') ?? '';
  return { requests, prompt };
}

describe('pull_request.opened on a change to a function signature', () => {
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('shows the model the callers in other files, and says so on the check run', async () => {
    const { requests, prompt } = await reviewCheckoutPullRequest({
      nockSnapshot: (dir) =>
        nockRepositoryAtCommit({ owner: 'acme', repo: 'checkout', dir, ref: 'head', via: 'blobs' }),
    });

    const context = prompt.slice(
      prompt.indexOf('<untrusted-data kind="context">'),
      prompt.indexOf('# The diff'),
    );
    expect(context).toContain(
      '<snippet cite="src/cart.ts:14-16" why="uses applyDiscount, whose signature this change modifies">',
    );
    expect(context).toContain('15|   return applyDiscount(subtotal(lines), couponPercent);');
    expect(context).toContain(
      '<snippet cite="src/invoice.ts:11-14" why="uses applyDiscount, whose signature this change modifies">',
    );
    expect(context).toContain(
      '12|   const discounted = pricing.applyDiscount(subtotal(invoice.lines), invoice.loyaltyPercent);',
    );
    expect(JSON.stringify(requests.checkRuns.at(-1))).toMatch(
      /Cross-file context \| \d+ snippets from \d+ files/,
    );
  });
});

describe('pull_request.opened on a repository over a snapshot limit', () => {
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
  });

  /** 16 MiB of zeros in one archive entry, gzipped to a few KiB. */
  const gzipBomb = () =>
    gzipSync(
      Buffer.concat([
        tarEntry('acme-checkout-0000000/zeros.bin', Buffer.alloc(16 << 20)),
        Buffer.alloc(1024),
      ]),
    );

  it.each<{ name: string; limits: Partial<SnapshotLimits>; tarball?: () => Buffer; reason: string }>([
    {
      name: 'a tarball over the byte cap',
      limits: { maxUnpackedBytes: 1024 },
      reason: "the repository's text files add up to more than 1 KiB",
    },
    {
      name: 'a tarball over the file-count cap',
      limits: { maxFiles: 2 },
      reason: 'the repository holds more than 2 files',
    },
    {
      name: 'a gzip bomb',
      limits: { maxArchiveBytes: 1 << 20 },
      tarball: gzipBomb,
      reason: "the repository's archive unpacks to more than 1 MiB",
    },
  ])('$name › reviews the diff alone and says why on the check run', async ({ limits, tarball, reason }) => {
    const { requests, prompt } = await reviewCheckoutPullRequest({
      limits,
      nockSnapshot: (dir) =>
        nockRepositoryAtCommit({
          owner: 'acme',
          repo: 'checkout',
          dir,
          ref: 'head',
          via: 'tarball',
          truncated: true,
          ...(tarball ? { tarball: tarball() } : {}),
        }),
    });

    expect(prompt).toContain('applyDiscount');
    expect(prompt).not.toContain('<snippet cite=');
    expect(requests.reviews).toHaveLength(1);
    const summary = String((requests.checkRuns.at(-1)?.output as { summary?: string } | undefined)?.summary);
    expect(summary).toContain(
      `| Cross-file context | unavailable (${reason}, over Sift's limit for cross-file context); the diff was reviewed on its own |`,
    );
  });
});
