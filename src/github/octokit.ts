import type { ProbotOctokit } from 'probot';

/** An installation-authenticated client, as Probot builds it (REST, pagination, config, throttling). */
export type Octokit = InstanceType<typeof ProbotOctokit>;
