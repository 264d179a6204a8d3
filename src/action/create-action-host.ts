import type { RepoConfig } from '../config/repo-config-schema.js';
import type { CheckRunReport, PullRequestHost } from '../review/pull-request-host.js';

/** The check run of a review in an Action: the workflow job itself (see createActionHost). */
const THE_JOB = { id: 0 } as const;

/**
 * The pull-request host of a run of the Action: GitHub through the workflow's token, with two
 * differences from the app's.
 * - The review's check run is the workflow job: the job shows the review running, and its report
 *   goes to `report` (the job summary) instead of a second check run, which would need
 *   `checks: write` and show the same thing twice.
 * - The step's `threshold` and `max-comments` inputs apply over the configuration file.
 */
export function createActionHost(
  host: PullRequestHost,
  options: {
    readonly report: (report: CheckRunReport) => void;
    readonly overrides: { readonly [K in 'threshold' | 'maxComments']?: RepoConfig[K] | undefined };
    /** `owner/name`: where `/review config` says the inputs' values come from. */
    readonly repository: string;
  },
): PullRequestHost {
  const overrides = Object.fromEntries(
    Object.entries(options.overrides).filter(([, value]) => value !== undefined),
  );
  return {
    ...host,
    async readConfig(ref) {
      const loaded = await host.readConfig(ref);
      if (Object.keys(overrides).length === 0) return loaded;
      return {
        ...loaded,
        config: { ...loaded.config, ...overrides },
        // So `/review config` says where these values came from.
        layers: [
          { repository: options.repository, path: 'the workflow step’s inputs', content: overrides },
          ...loaded.layers,
        ],
      };
    },
    startCheckRun: async () => THE_JOB,
    finishCheckRun: async (_headSha, _run, report) => options.report(report),
  };
}
