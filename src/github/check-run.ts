import { CHECK_RUN_NAME } from '../check-run-name.js';
import type { CheckRunReport } from '../review/pull-request-host.js';
import type { Octokit } from './octokit.js';

// GitHub rejects check run output fields longer than 65,535 characters.
const MAX_OUTPUT_CHARS = 65_000;

export interface CheckRunTarget {
  readonly owner: string;
  readonly repo: string;
  readonly headSha: string;
}

/** Shows the review as running on the pull request's head commit; returns the check run id. */
export async function startCheckRun(octokit: Octokit, target: CheckRunTarget): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    status: 'in_progress',
    started_at: new Date().toISOString(),
    output: { title: 'Reviewing…', summary: 'Sift is reviewing this change.' },
  });
  return data.id;
}

/** Completes a started check run, or creates a completed one when none was started (a skip). */
export async function completeCheckRun(
  octokit: Octokit,
  target: CheckRunTarget & { readonly checkRunId: number | null },
  report: CheckRunReport,
): Promise<void> {
  const output = {
    title: report.title,
    summary: truncate(report.summary),
    ...(report.text ? { text: truncate(report.text) } : {}),
  };
  const common = {
    owner: target.owner,
    repo: target.repo,
    status: 'completed' as const,
    conclusion: report.conclusion,
  };
  const completedAt = new Date().toISOString();
  if (target.checkRunId === null) {
    await octokit.rest.checks.create({
      ...common,
      name: CHECK_RUN_NAME,
      head_sha: target.headSha,
      completed_at: completedAt,
      output,
    });
  } else {
    await octokit.rest.checks.update({
      ...common,
      check_run_id: target.checkRunId,
      completed_at: completedAt,
      output,
    });
  }
}

function truncate(text: string): string {
  return text.length <= MAX_OUTPUT_CHARS ? text : `${text.slice(0, MAX_OUTPUT_CHARS)}\n\n…(truncated)`;
}
