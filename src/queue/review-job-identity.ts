import type { ReviewJob } from '../review/run-review.js';
import type { JobIdentity } from './job-queue.js';

/** A pull request is reviewed one head commit at a time; a newer head commit supersedes. */
export const reviewJobIdentity: JobIdentity<ReviewJob> = {
  keyOf: (job) => `${job.owner}/${job.repo}#${job.pullNumber}`,
  versionOf: (job) => job.headSha,
};
