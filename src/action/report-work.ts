import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatSarif } from '../cli/output/format-sarif.js';
import type { ActionEnv } from '../config/load-action-env.js';
import type { ReviewJobResult } from '../jobs/review-job.js';
import type { CheckRunReport, PullRequestHost } from '../review/pull-request-host.js';
import { plural } from '../review/render/plural.js';
import { countOpenFindings } from './count-open-findings.js';
import type { ActionEvent } from './read-action-event.js';
import { renderActionFailure } from './render-action-failure.js';
import { renderRunSummary } from './render-run-summary.js';
import type { WorkDone } from './run-requested-work.js';
import type { StepOutputs } from './write-step-outputs.js';

/** Review results after which the pull request's findings are what they are: `fail-on` can judge them. */
const SETTLED: ReadonlySet<ReviewJobResult> = new Set([
  'posted',
  'quiet',
  'already-reviewed',
  'nothing-new',
  'skipped',
]);

/**
 * What the step reports of the work done: the job summary, the outputs, the SARIF file when one is
 * asked for, and the errors that fail the step — a review that failed, or findings at or above
 * `fail-on` still open on the pull request.
 */
export async function reportWork(
  event: Exclude<ActionEvent, { kind: 'ignored' }>,
  done: WorkDone,
  report: CheckRunReport | null,
  deps: {
    readonly settings: ActionEnv;
    readonly host: Pick<PullRequestHost, 'loadHistory'>;
    readonly version: string;
  },
): Promise<{ summary: string; outputs: StepOutputs; errors: string[] }> {
  const { settings } = deps;
  const errors: string[] = [];
  const sections: string[] = [];
  if (done.failure && settings.model.kind === 'ready') {
    if (done.command) sections.push(renderRunSummary(event, { ...done, review: null }, null));
    sections.push(
      renderActionFailure(done.failure.error, { headSha: done.failure.headSha, model: settings.model.env }),
    );
    errors.push('the review failed; the job summary says why and what to do');
  } else {
    sections.push(renderRunSummary(event, done, report));
  }

  let sarifFile = '';
  if (settings.sarifFile && done.reviewed) {
    sarifFile = resolve(settings.workspace, settings.sarifFile);
    await mkdir(dirname(sarifFile), { recursive: true });
    await writeFile(sarifFile, formatSarif(done.reviewed.outcome, done.reviewed.pull, deps.version));
  }

  if (settings.failOn !== 'none' && done.review && SETTLED.has(done.review)) {
    const history = await deps.host.loadHistory();
    const inSummary = done.reviewed?.posted ? done.reviewed.outcome.summaryOnly : [];
    const open = countOpenFindings(settings.failOn, history, inSummary);
    const bar = `at or above ${settings.failOn} severity`;
    if (open > 0) {
      const message = `${plural(open, 'finding')} ${bar} ${open === 1 ? 'is' : 'are'} open on #${event.pullNumber} (fail-on: ${settings.failOn}): fix ${open === 1 ? 'it' : 'them'} and push, or resolve ${open === 1 ? 'its thread' : 'their threads'} to dismiss ${open === 1 ? 'it' : 'them'}`;
      sections.push(`**Failing this step:** ${message}.`);
      errors.push(message);
    } else {
      sections.push(`No finding ${bar} is open on #${event.pullNumber} (fail-on: ${settings.failOn}).`);
    }
  }

  const outcome = done.reviewed?.outcome;
  return {
    summary: sections.join('\n\n'),
    outputs: {
      result: done.review ?? done.command ?? 'answered',
      findings: done.reviewed?.posted && outcome ? outcome.inline.length + outcome.summaryOnly.length : 0,
      'held-back': outcome ? Object.values(outcome.filtered).reduce((sum, n) => sum + (n ?? 0), 0) : 0,
      'sarif-file': sarifFile,
    },
    errors,
  };
}
