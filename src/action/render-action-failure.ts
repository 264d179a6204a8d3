import { describeModelFailure } from '../cli/describe-model-failure.js';
import { inInputTerms } from '../config/action-inputs.js';
import type { SiftEnv } from '../config/load-env.js';
import { HostRequestError, ModelError } from '../errors.js';

/**
 * The job summary of a review that failed, for the person who can fix it: in an Action that is
 * whoever edits the workflow, so unlike the app's check run it names the endpoint, the input to
 * check and the permission to grant.
 */
export function renderActionFailure(
  error: unknown,
  context: { readonly headSha: string; readonly model: SiftEnv },
): string {
  return [
    '## Sift: review failed; nothing was posted',
    '',
    `Sift could not finish reviewing commit \`${context.headSha.slice(0, 7)}\`: ${whatFailed(error, context.model)}`,
    '',
    `**What to do:** ${whatToDo(error)}`,
  ].join('\n');
}

function whatFailed(error: unknown, model: SiftEnv): string {
  if (error instanceof ModelError) return `${inInputTerms(describeModelFailure(error, model))}.`;
  if (error instanceof HostRequestError)
    return `GitHub answered ${error.status || 'nothing'} to \`${error.request}\`.`;
  return `Sift hit an internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function whatToDo(error: unknown): string {
  if (error instanceof ModelError)
    return error.retryable
      ? 'the provider may answer next time: use **Re-run jobs**, or push a commit.'
      : 'fix the setting named above in the workflow, then use **Re-run jobs**.';
  if (!(error instanceof HostRequestError))
    return "use **Re-run jobs**; if it fails again, please report it with this step's log.";
  if (error.status === 401)
    return 'GitHub rejected the token: leave the `github-token` input out to use the workflow’s `GITHUB_TOKEN`, or pass a token that is still valid.';
  if (error.status === 403)
    return "the token may not do this. Give the job `permissions: { contents: read, pull-requests: write }`. A `pull_request` run from a fork always gets a read-only token, whatever the workflow asks: review forks with `pull_request_target` (the README's fork recipe), or allow write tokens for forks in the repository's Actions settings. A 403 can also be GitHub's rate limit: then re-run later.";
  if (error.status === 404)
    return 'GitHub says it does not exist for this token: a token of another repository, or of an app not installed on this one, cannot see this pull request. Leave `github-token` out to use the workflow’s own.';
  if (error.status === 429 || error.status >= 500 || error.status === 0)
    return 'GitHub is having trouble: use **Re-run jobs** once https://www.githubstatus.com is green.';
  return 'use **Re-run jobs**; if it fails again, the log of this step has the request.';
}
