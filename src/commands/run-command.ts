import { describeConfigSources } from '../config/describe-config-sources.js';
import { loadRepoConfig } from '../config/load-repo-config.js';
import { commentOnPullRequest } from '../github/comment-on-pull-request.js';
import type { Octokit } from '../github/octokit.js';
import type { Logger } from '../logger.js';
import type { SiftJob } from '../queue/sift-job.js';
import { repositoryKey, type SiftStore } from '../store/sift-store.js';

type CommandJob = Extract<SiftJob, { kind: 'command' }>;

/** `/review config` and `/review stats`: answers built from GitHub and the store, posted as a comment. */
export async function runCommand(
  job: CommandJob,
  deps: { octokit: Octokit; store: SiftStore; log: Logger },
): Promise<string> {
  const where = { owner: job.owner, repo: job.repo, pullNumber: job.pullNumber };
  if (job.command === 'config') {
    const { data: pull } = await deps.octokit.rest.pulls.get({
      owner: job.owner,
      repo: job.repo,
      pull_number: job.pullNumber,
    });
    const loaded = await loadRepoConfig(deps.octokit, {
      owner: job.owner,
      repo: job.repo,
      ref: pull.base.ref,
    });
    const rows = describeConfigSources(loaded).map(
      (entry) =>
        `| \`${entry.key}\` | \`${JSON.stringify(entry.value).replace(/\|/g, '\\|')}\` | ${entry.source.replace(/\|/g, '\\|')} |`,
    );
    await commentOnPullRequest(
      deps.octokit,
      where,
      [
        `**Sift configuration in effect** for this pull request (read from \`${pull.base.ref}\`, the base branch):`,
        '',
        '| setting | value | from |',
        '|---|---|---|',
        ...rows,
      ].join('\n'),
    );
    return 'config';
  }
  const stats = await deps.store.repositoryStats(repositoryKey(job));
  const rate = stats.posted === 0 ? null : stats.fixed / stats.posted;
  await commentOnPullRequest(
    deps.octokit,
    where,
    stats.posted === 0
      ? `No closed pull request of ${job.owner}/${job.repo} with Sift findings has been recorded yet.`
      : [
          `**Sift on ${job.owner}/${job.repo}**: ${stats.posted} findings posted on ${stats.pullRequests} closed pull requests.`,
          '',
          `| fixed before merge | dismissed | left open | disputed in replies | resolution rate |`,
          '|---:|---:|---:|---:|---:|',
          `| ${stats.fixed} | ${stats.dismissed} | ${stats.open} | ${stats.disputes} | ${((rate ?? 0) * 100).toFixed(0)}% |`,
          '',
          'The resolution rate is the share of posted findings whose code changed before the pull request closed.',
        ].join('\n'),
  );
  return 'stats';
}
