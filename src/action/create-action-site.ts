import { join } from 'node:path';
import { ProbotOctokit } from 'probot';
import type { ActionEnv } from '../config/load-action-env.js';
import { createGitHubHost } from '../github/create-github-host.js';
import { createGitHubRepository } from '../github/github-repository.js';
import { withHostErrors } from '../github/host-request-error.js';
import type { Octokit } from '../github/octokit.js';
import { tokenIdentity } from '../github/token-identity.js';
import type { JobSite } from '../jobs/create-job-worker.js';
import type { Logger } from '../logger.js';
import { createBlobCache } from '../repository/blob-cache.js';
import { rememberSnapshots } from '../repository/remember-snapshots.js';
import type { CheckRunReport } from '../review/pull-request-host.js';
import { createActionHost } from './create-action-host.js';

/**
 * The pull request as this run reaches it: a client on the workflow's token (the app's client:
 * retries, throttling, the config plugin), the account the token posts as — the only one whose
 * markers are trusted — and the host and repository reader the app's jobs run against.
 */
export async function createActionSite(
  settings: ActionEnv,
  pullNumber: number,
  deps: {
    readonly log: Logger;
    readonly version: string;
    readonly report: (report: CheckRunReport) => void;
    /** SIFT_CACHE_MAX_MB: how much of the runner's disk the repository's files may take. */
    readonly cacheMaxBytes: number;
  },
): Promise<JobSite> {
  const { owner, repo } = settings.repository;
  const octokit: Octokit = new ProbotOctokit({
    auth: { token: settings.token },
    baseUrl: settings.apiUrl,
    userAgent: `sift-action/${deps.version}`,
    log: deps.log.child({ name: 'github' }),
  });
  const identity = await withHostErrors(() => tokenIdentity(octokit));
  deps.log.debug(`Sift posts as ${identity.login}; only its markers are trusted`);
  const repository = rememberSnapshots(
    createGitHubRepository(
      octokit,
      { owner, repo },
      {
        // The runner's temp folder is emptied after each job: the cache lasts one run.
        cache: createBlobCache({
          directory: join(settings.tempDir, 'sift-cache'),
          maxBytes: deps.cacheMaxBytes,
        }),
        log: deps.log,
      },
    ),
  );
  const github = createGitHubHost(
    octokit,
    { owner, repo, pullNumber },
    {
      identity,
      configPath: settings.configPath,
      snapshotAt: async (ref) => repository.loaded(ref),
    },
  );
  const host = createActionHost(github, {
    report: deps.report,
    overrides: { threshold: settings.threshold, maxComments: settings.maxComments },
    repository: `${owner}/${repo}`,
  });
  return { host, repository };
}
