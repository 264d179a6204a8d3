import type { CheckRunReport } from '../review/pull-request-host.js';
import type { ActionEvent } from './read-action-event.js';
import type { WorkDone } from './run-requested-work.js';

/**
 * The job summary of a run that did its work: what the `/review` command was answered, then the
 * review's report — the text the app puts on its check run: what was reviewed, skipped and held
 * back, and what it cost — or why there was no review.
 */
export function renderRunSummary(
  event: Exclude<ActionEvent, { kind: 'ignored' }>,
  done: WorkDone,
  report: CheckRunReport | null,
): string {
  const parts: string[] = [];
  if (event.kind === 'command') {
    parts.push(`\`/review\` from @${event.author} on #${event.pullNumber}: ${done.command ?? 'answered'}.`);
  }
  if (done.review === 'superseded') {
    // The app's check run says a newer commit superseded it; in a workflow, the run was cancelled.
    parts.push(
      '## Sift: cancelled',
      'This run was cancelled before Sift posted its review, so nothing was posted. With the workflow’s `concurrency`, a newer push cancels the review of the older commit, and the newer run reviews the newer one.',
    );
  } else if (report) {
    parts.push(`## Sift: ${report.title}`, report.summary);
    if (report.text) parts.push(report.text);
  } else if (done.review === 'already-reviewed') {
    parts.push(
      `## Sift: already reviewed`,
      `Sift has already reviewed this commit of #${event.pullNumber} (its review is on the pull request); there is nothing new to review.`,
    );
  } else if (done.review === 'nothing-new') {
    parts.push(
      '## Sift: nothing new',
      'Nothing changed since Sift’s last review; it said so on the pull request.',
    );
  }
  return parts.join('\n\n');
}
