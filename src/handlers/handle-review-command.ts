import type { Context } from 'probot';
import { z } from 'zod';
import { parseReviewCommand } from '../commands/parse-review-command.js';
import type { SiftJob } from '../jobs/sift-job.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { SiftStore } from '../store/sift-store.js';
import {
  commentedIssueSchema,
  installationSchema,
  issueCommentSchema,
  readCommandRequest,
  readPayload,
  repositorySchema,
} from './read-payload.js';

const issueCommentEventSchema = z.object({
  action: z.literal('created'),
  installation: installationSchema,
  repository: repositorySchema.extend({ private: z.boolean() }),
  issue: commentedIssueSchema,
  comment: issueCommentSchema,
});

/**
 * `/review …` in a pull request comment becomes one command job; the job acknowledges it, checks
 * the commenter's permission and answers. Comments without a command, Sift's own and
 * redeliveries are dropped here.
 */
export async function handleReviewCommand(
  context: Context<'issue_comment.created'>,
  deps: { queue: JobQueue<SiftJob>; store: SiftStore },
): Promise<void> {
  const payload = readPayload(context, issueCommentEventSchema);
  if (!payload?.issue.pull_request || payload.comment.user.type === 'Bot') return;
  const { installation, repository, issue, comment } = payload;
  const command = parseReviewCommand(comment.body);
  if (!command) return;
  if (!(await deps.store.firstDelivery(context.id))) {
    context.log.info({ delivery: context.id }, 'redelivered webhook ignored');
    return;
  }
  const result = await deps.queue.enqueue({
    kind: 'command',
    installationId: installation.id,
    owner: repository.owner.login,
    repo: repository.name,
    pullNumber: issue.number,
    deliveryId: context.id,
    ...readCommandRequest(command, issue, comment, repository),
  });
  context.log.info({ delivery: context.id, pull: issue.number, command, result }, 'review command');
}
