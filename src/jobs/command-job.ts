import { reviewHelpText } from '../commands/review-help-text.js';
import { describeConfigSources } from '../config/describe-config-sources.js';
import { describePlanSettings } from '../plans/describe-plan-settings.js';
import { describeUsageThisMonth } from '../plans/describe-usage-this-month.js';
import type { PullRequestHost } from '../review/pull-request-host.js';
import { pullKey, repositoryKey } from '../store/sift-store.js';
import { canWrite } from './can-write.js';
import type { JobPorts } from './job-ports.js';
import { answerForget, answerLearnings, describeCalibrations } from './learnings-commands.js';
import type { JobOfKind } from './sift-job.js';

type CommandJob = JobOfKind<'command'>;

// One review request per pull request per minute: enough for people, too few to run up a bill.
export const COMMAND_COOLDOWN_MS = 60_000;

/**
 * `/review …` in a pull request comment. Acknowledged at once with 👀, checked against the
 * commenter's permission (write, maintain or admin; the pull request's author too on private
 * repositories when `commands.allowAuthor` is on), then answered: help, the configuration in
 * effect, the repository's stats, what Sift learned (and forgetting one learning), or a review
 * handed to the queue (rate-limited per pull request).
 */
export async function runCommandJob(job: CommandJob, ports: JobPorts): Promise<string> {
  const { store } = ports;
  const { command } = job;
  const host = withPullRequestReadOnce(ports.host);
  await host.react(job.commentId, 'eyes');
  if (command.kind === 'help') {
    await host.comment(reviewHelpText(command.unknown));
    return 'help';
  }
  if (!(await mayCommand(job, host))) {
    await host.comment(
      `Sift takes \`/review\` commands from people with write access to ${job.owner}/${job.repo}.`,
    );
    return 'refused: no write access';
  }
  if (command.kind === 'stats') return answerStats(job, host, ports);
  if (command.kind === 'learnings') return answerLearnings(job, host, store);
  if (command.kind === 'forget') return answerForget(job, command.id, { host, store, now: ports.now });
  if (job.pullState === 'closed') {
    await host.comment(
      `This pull request is ${job.merged ? 'merged' : 'closed'}; Sift reviews open pull requests. Reopen it to review it again.`,
    );
    return 'refused: closed';
  }
  if (command.kind === 'config') return answerConfig(job, host, ports);
  if (!(await store.takeCommandSlot(pullKey(job), COMMAND_COOLDOWN_MS, ports.now()))) {
    await host.comment(
      'Sift was asked to review this pull request less than a minute ago; that review is on its way.',
    );
    return 'refused: rate limited';
  }
  const pull = await host.loadPullRequest();
  const result = await ports.enqueue({
    kind: 'review',
    installationId: job.installationId,
    owner: job.owner,
    repo: job.repo,
    pullNumber: job.pullNumber,
    deliveryId: job.deliveryId,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
    trigger: 'command',
    scope: command.scope === 'paths' ? { kind: 'paths', glob: command.glob } : { kind: command.scope },
  });
  if (result === 'duplicate') await host.comment(`Sift is already reviewing ${pull.head.sha.slice(0, 7)}.`);
  return `review ${result}`;
}

/** The pull request is read at most once per command, however many answers need it. */
function withPullRequestReadOnce(host: PullRequestHost): PullRequestHost {
  let pull: ReturnType<PullRequestHost['loadPullRequest']> | undefined;
  return {
    ...host,
    loadPullRequest: () => {
      pull ??= host.loadPullRequest();
      return pull;
    },
  };
}

/** Write access, or the author of a pull request on a private repository that allows it (`commands.allowAuthor`, read from the base branch). */
async function mayCommand(job: CommandJob, host: PullRequestHost): Promise<boolean> {
  if (canWrite(await host.permissionOf(job.author))) return true;
  if (!job.privateRepository || job.author !== job.pullAuthor) return false;
  const pull = await host.loadPullRequest();
  return (await host.readConfig(pull.base.ref)).config.commands.allowAuthor;
}

/** The settings in effect, each with where it comes from, the installation's plan beside them, and what was learned. */
async function answerConfig(job: CommandJob, host: PullRequestHost, ports: JobPorts): Promise<string> {
  const pull = await host.loadPullRequest();
  const loaded = await host.readConfig(pull.base.ref);
  const [plan, reviews, learned] = await Promise.all([
    ports.plan(),
    ports.store.reviewsOf(job.installationId, ports.now()),
    loaded.config.learning ? describeCalibrations(job, ports.store, loaded.config.threshold) : [],
  ]);
  const rows = describePlanSettings(describeConfigSources(loaded), plan, reviews).map(
    (entry) =>
      `| \`${entry.key}\` | \`${JSON.stringify(entry.value).replace(/\|/g, '\\|')}\` | ${entry.source.replace(/\|/g, '\\|')} |`,
  );
  await host.comment(
    [
      `**Sift configuration in effect** for this pull request (read from \`${pull.base.ref}\`, the base branch):`,
      '',
      '| setting | value | from |',
      '|---|---|---|',
      ...rows,
      ...learned,
    ].join('\n'),
  );
  return 'config';
}

/** The repository's findings and what became of them, and what the installation used this month. */
async function answerStats(job: CommandJob, host: PullRequestHost, ports: JobPorts): Promise<string> {
  const { store } = ports;
  const now = ports.now();
  const [stats, reviews, spend, plan] = await Promise.all([
    store.repositoryStats(repositoryKey(job)),
    store.reviewsOf(job.installationId, now),
    store.spendOf(job.installationId, now),
    ports.plan(),
  ]);
  const rate = stats.posted === 0 ? 0 : stats.fixed / stats.posted;
  const usage = describeUsageThisMonth({ reviews, spend }, plan, now);
  const findings =
    stats.posted === 0
      ? `No closed pull request of ${job.owner}/${job.repo} with Sift findings has been recorded yet.`
      : [
          `**Sift on ${job.owner}/${job.repo}**: ${stats.posted} findings posted on ${stats.pullRequests} closed pull requests.`,
          '',
          `| fixed before merge | dismissed | left open | disputed in replies | resolution rate |`,
          '|---:|---:|---:|---:|---:|',
          `| ${stats.fixed} | ${stats.dismissed} | ${stats.open} | ${stats.disputes} | ${(rate * 100).toFixed(0)}% |`,
          '',
          'The resolution rate is the share of posted findings whose code changed before the pull request closed.',
        ].join('\n');
  await host.comment([findings, '', usage].join('\n'));
  return 'stats';
}
