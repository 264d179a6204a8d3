import { z } from 'zod';
import { parseReviewCommand } from '../commands/parse-review-command.js';
import { EnvInvalidError } from '../errors.js';
import { commentedIssueSchema, issueCommentSchema, readCommandRequest } from '../handlers/read-payload.js';
import type { CommandRequest } from '../jobs/sift-job.js';
import type { ReviewTrigger } from '../review/skip-reason.js';

/** What a run of the Action was started for. */
export type ActionEvent =
  | {
      readonly kind: 'review';
      readonly pullNumber: number;
      readonly headSha: string;
      readonly baseRef: string;
      readonly trigger: ReviewTrigger;
      /** `owner/name` of the fork the pull request comes from; null when it is from this repository. */
      readonly fork: string | null;
      /** The pull request's author's login. */
      readonly author: string;
      /** `pull_request_target` runs the base branch's workflow with secrets: never the fork's code. */
      readonly target: boolean;
    }
  | ({ readonly kind: 'command'; readonly pullNumber: number } & CommandRequest)
  /** Nothing to do, and why: a comment without `/review`, a pull request labelled. */
  | { readonly kind: 'ignored'; readonly reason: string };

const TRIGGERS: ReadonlySet<string> = new Set<ReviewTrigger>([
  'opened',
  'reopened',
  'synchronize',
  'ready_for_review',
]);

const repositorySchema = z.object({ full_name: z.string() });
const pullRequestEventSchema = z.object({
  action: z.string(),
  pull_request: z.object({
    number: z.number().int().positive(),
    state: z.enum(['open', 'closed']),
    user: z.object({ login: z.string(), type: z.string() }),
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/), repo: repositorySchema.nullable() }),
    base: z.object({ ref: z.string().min(1), repo: repositorySchema }),
  }),
});
const issueCommentEventSchema = z.object({
  action: z.string(),
  repository: z.object({ private: z.boolean() }),
  issue: commentedIssueSchema,
  comment: issueCommentSchema,
});

const ON =
  'Sift reviews `pull_request` (or `pull_request_target`) opened, synchronize, reopened and ready_for_review';

/**
 * Reads the event a workflow run was started by, from the payload file GitHub writes
 * (GITHUB_EVENT_PATH), as the app's handlers read a webhook: only the fields Sift relies on,
 * checked. An event the Action cannot act on is an error that says which events to run it on; an
 * action of one it can (a label added, a comment without `/review`) is nothing to do.
 */
export function readActionEvent(eventName: string, payload: unknown): ActionEvent {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const { action, pull_request: pull } = parse(pullRequestEventSchema, payload, eventName);
    if (!TRIGGERS.has(action))
      return {
        kind: 'ignored',
        reason: `${ON}; this run is for \`${action}\`, so there is nothing to review.`,
      };
    if (pull.state !== 'open') return { kind: 'ignored', reason: 'The pull request is closed.' };
    const headRepository = pull.head.repo?.full_name ?? null;
    return {
      kind: 'review',
      pullNumber: pull.number,
      headSha: pull.head.sha,
      baseRef: pull.base.ref,
      trigger: action as ReviewTrigger,
      // A fork that was deleted has no repository any more; its branch is still not this one's.
      fork: headRepository === pull.base.repo.full_name ? null : (headRepository ?? 'a deleted fork'),
      author: pull.user.login,
      target: eventName === 'pull_request_target',
    };
  }
  if (eventName === 'issue_comment') {
    const { action, repository, issue, comment } = parse(issueCommentEventSchema, payload, eventName);
    if (action !== 'created') return { kind: 'ignored', reason: `A comment was ${action}, not written.` };
    if (!issue.pull_request)
      return { kind: 'ignored', reason: 'The comment is on an issue, not a pull request.' };
    // Bots never command Sift: its own answers quote `/review` in the help text.
    if (comment.user.type === 'Bot') return { kind: 'ignored', reason: 'The comment is by a bot.' };
    const command = parseReviewCommand(comment.body);
    if (!command) return { kind: 'ignored', reason: 'The comment has no `/review` command.' };
    return {
      kind: 'command',
      pullNumber: issue.number,
      ...readCommandRequest(command, issue, comment, repository),
    };
  }
  throw new EnvInvalidError(
    `[sift] the workflow runs Sift on \`${eventName}\`: ${ON}, and \`/review\` comments (\`issue_comment\`). Change the workflow's \`on:\` (the README has one to copy).`,
  );
}

function parse<T>(schema: z.ZodType<T>, payload: unknown, eventName: string): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new EnvInvalidError(
    `[sift] the ${eventName} event in GITHUB_EVENT_PATH is not one GitHub sends: ${issue?.path.join('.') || 'the payload'} ${issue?.message ?? 'does not fit'}`,
  );
}
