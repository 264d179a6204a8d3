import type { Context } from 'probot';
import { z } from 'zod';
import { parseReviewCommand } from '../commands/parse-review-command.js';
import { reviewHelpText } from '../commands/review-help-text.js';
import { loadRepoConfig } from '../config/load-repo-config.js';
import { canCommandSift } from '../github/can-command-sift.js';
import { commentOnPullRequest } from '../github/comment-on-pull-request.js';
import type { Octokit } from '../github/octokit.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { SiftJob } from '../queue/sift-job.js';
import { pullKey, type SiftStore } from '../store/sift-store.js';
import { installationSchema, readPayload, repositorySchema } from './read-payload.js';

type PullRequest = Awaited<ReturnType<Octokit['rest']['pulls']['get']>>['data'];

// One review request per pull request per minute: enough for people, too few to run up a bill.
const COMMAND_COOLDOWN_MS = 60_000;

const issueCommentSchema = z.object({
  action: z.literal('created'),
  installation: installationSchema,
  repository: repositorySchema.extend({ private: z.boolean() }),
  issue: z.object({
    number: z.number().int().positive(),
    state: z.enum(['open', 'closed']),
    user: z.object({ login: z.string() }),
    pull_request: z.object({ merged_at: z.string().nullable().optional() }).optional(),
  }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string(),
    user: z.object({ login: z.string(), type: z.string() }),
  }),
});

/**
 * `/review …` in a pull request comment. The command is acknowledged at once with 👀, checked
 * against the commenter's permission (write, maintain or admin; the pull request's author too on
 * private repositories when `commands.allowAuthor` is on), rate-limited per pull request, and
 * turned into a job — or answered directly when it is `help`, refused, or the pull request closed.
 */
export async function handleReviewCommand(
  context: Context<'issue_comment.created'>,
  deps: { queue: JobQueue<SiftJob>; store: SiftStore; now: () => number },
): Promise<void> {
  const payload = readPayload(context, issueCommentSchema);
  if (!payload?.issue.pull_request || payload.comment.user.type === 'Bot') return;
  const { installation, repository, issue, comment } = payload;
  const command = parseReviewCommand(comment.body);
  if (!command) return;
  if (!(await deps.store.firstDelivery(context.id))) return;
  const octokit = context.octokit;
  const where = { owner: repository.owner.login, repo: repository.name };
  const pullRequest = { ...where, pullNumber: issue.number };
  const reply = (body: string) => commentOnPullRequest(octokit, pullRequest, body);
  // Read once, and only by the commands that need it.
  let pull: Promise<PullRequest> | undefined;
  const loadPull = () => {
    pull ??= octokit.rest.pulls.get({ ...where, pull_number: issue.number }).then(({ data }) => data);
    return pull;
  };

  await octokit.rest.reactions.createForIssueComment({ ...where, comment_id: comment.id, content: 'eyes' });
  if (command.kind === 'help') {
    await reply(reviewHelpText(command.unknown));
    return;
  }
  const allowed =
    (await canCommandSift(octokit, { ...where, user: comment.user.login })) ||
    (repository.private &&
      comment.user.login === issue.user.login &&
      (await authorMayCommand(octokit, { ...where, ref: (await loadPull()).base.ref })));
  if (!allowed) {
    await reply(
      `Sift takes \`/review\` commands from people with write access to ${where.owner}/${where.repo}.`,
    );
    return;
  }
  if (issue.state === 'closed') {
    const merged = Boolean(issue.pull_request?.merged_at);
    if (command.kind !== 'stats') {
      await reply(
        `This pull request is ${merged ? 'merged' : 'closed'}; Sift reviews open pull requests. Reopen it to review it again.`,
      );
      return;
    }
  }
  const base = { installationId: installation.id, ...pullRequest, deliveryId: context.id };
  if (command.kind === 'config' || command.kind === 'stats') {
    await deps.queue.enqueue({ ...base, kind: 'command', command: command.kind, commentId: comment.id });
    return;
  }
  if (!(await deps.store.takeCommandSlot(pullKey(pullRequest), COMMAND_COOLDOWN_MS, deps.now()))) {
    await reply(
      'Sift was asked to review this pull request less than a minute ago; that review is on its way.',
    );
    return;
  }
  const { head, base: pullBase } = await loadPull();
  const scope =
    command.scope === 'paths' ? { kind: 'paths' as const, glob: command.glob } : { kind: command.scope };
  const result = await deps.queue.enqueue({
    ...base,
    kind: 'review',
    headSha: head.sha,
    baseRef: pullBase.ref,
    trigger: 'command',
    scope,
  });
  if (result === 'duplicate') await reply(`Sift is already reviewing ${head.sha.slice(0, 7)}.`);
  context.log.info({ delivery: context.id, pull: issue.number, command, result }, 'review command');
}

/** Whether the repository lets a pull request's author command Sift (`commands.allowAuthor`, read from the base branch). */
async function authorMayCommand(
  octokit: Octokit,
  target: { owner: string; repo: string; ref: string },
): Promise<boolean> {
  return (await loadRepoConfig(octokit, target)).config.commands.allowAuthor;
}
