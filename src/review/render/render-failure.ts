import { describeError, HostRequestError, ModelError } from '../../errors.js';
import type { CheckRunReport } from '../pull-request-host.js';

/**
 * The check run of a review that could not finish. Model and GitHub failures are explained in
 * the user's terms — whose failure it was, and what to do; anything else is an internal error
 * whose details are in the logs under the job key.
 */
export function renderFailure(error: unknown, context: { headSha: string; jobKey: string }): CheckRunReport {
  const cause =
    error instanceof ModelError || error instanceof HostRequestError
      ? describeError(error)
      : `Sift hit an internal error (logged under \`${context.jobKey}\`).`;
  return {
    conclusion: 'failure',
    title: 'Review failed; nothing was posted',
    summary: [
      `Sift could not finish reviewing commit \`${context.headSha.slice(0, 7)}\`. ${cause}`,
      '',
      'Nothing was posted on the pull request. To try again, use **Re-run** on this check, or push a new commit.',
    ].join('\n'),
  };
}
