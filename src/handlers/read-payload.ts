import type { Context } from 'probot';
import { z } from 'zod';
import type { ReviewCommand } from '../commands/parse-review-command.js';
import type { CommandRequest } from '../jobs/sift-job.js';

/** The installation a delivery is for: every job acts through its token. */
export const installationSchema = z.object({ id: z.number().int().positive() });
export const repositorySchema = z.object({
  name: z.string().min(1),
  owner: z.object({ login: z.string().min(1) }),
});
export const commitIdSchema = z.string().regex(/^[0-9a-f]{40}$/);

/**
 * The parts of an `issue_comment` event a `/review` command is read from (the app's webhook and
 * the Action's event file alike): the issue, which is a pull request when `pull_request` is there,
 * and the comment.
 */
export const commentedIssueSchema = z.object({
  number: z.number().int().positive(),
  state: z.enum(['open', 'closed']),
  user: z.object({ login: z.string() }),
  pull_request: z.object({ merged_at: z.string().nullable().optional() }).optional(),
});
export const issueCommentSchema = z.object({
  id: z.number().int().positive(),
  body: z.string(),
  user: z.object({ login: z.string(), type: z.string() }),
});

/** The request a `/review` comment on a pull request makes, from the comment and its issue. */
export function readCommandRequest(
  command: ReviewCommand,
  issue: z.output<typeof commentedIssueSchema>,
  comment: z.output<typeof issueCommentSchema>,
  repository: { readonly private: boolean },
): CommandRequest {
  return {
    command,
    commentId: comment.id,
    author: comment.user.login,
    pullAuthor: issue.user.login,
    privateRepository: repository.private,
    pullState: issue.state,
    merged: Boolean(issue.pull_request?.merged_at),
  };
}

/**
 * The fields of a delivery a handler relies on, checked by its schema; anything else in the
 * payload is ignored. A payload that does not fit is logged with its delivery id and yields null,
 * so a broken or forged delivery does nothing but leave a trace.
 */
export function readPayload<T>(
  context: Pick<Context, 'id' | 'name' | 'payload' | 'log'>,
  schema: z.ZodType<T>,
): T | null {
  const parsed = schema.safeParse(context.payload);
  if (parsed.success) return parsed.data;
  context.log.warn(
    { delivery: context.id, issues: parsed.error.issues.slice(0, 3) },
    `ignoring a malformed ${context.name} event`,
  );
  return null;
}
