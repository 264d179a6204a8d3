import { type LocatedConfigProblem, REPO_CONFIG_PATH } from '../../config/loaded-repo-config.js';
import type { CheckRunReport } from '../pull-request-host.js';
import type { ReviewOutcome } from '../types.js';
import { describeContext } from './describe-context.js';
import { describeHeldBack } from './describe-held-back.js';
import { describeLearned } from './describe-learned.js';
import { describePasses } from './describe-passes.js';
import { describePlantedText } from './describe-planted-text.js';
import { describeUsage } from './describe-usage.js';
import { plural } from './plural.js';

/**
 * The check run of a completed review: what was reviewed, what was skipped and why, what was
 * posted and held back, and what it cost. This is where "nothing found" is said out loud.
 */
export function renderCheckRun(
  outcome: ReviewOutcome,
  context: {
    headSha: string;
    changedFileCount: number;
    listedFileCount: number;
    configProblems: readonly LocatedConfigProblem[];
    /** What the review covered, e.g. "what changed since Sift's review of abc1234". */
    scope?: string | undefined;
    /** Threads of earlier findings this push fixed, resolved by Sift. */
    resolvedThreads?: number | undefined;
    /** Inline comments GitHub refused (422), posted in the review summary instead. */
    refusedInline?: number | undefined;
  },
): CheckRunReport {
  const posted = outcome.inline.length + outcome.summaryOnly.length;
  const heldBack = Object.values(outcome.filtered).reduce((sum, n) => sum + (n ?? 0), 0);
  // Findings the model placed on lines the diff does not have were never judged: saying "no
  // issues" would claim a review that did not happen for them.
  const unplaced = outcome.filtered['line-not-in-diff'] ?? 0;
  const title =
    posted > 0
      ? `${plural(posted, 'finding')} posted${heldBack > 0 ? `, ${heldBack} held back` : ''}`
      : unplaced > 0
        ? `${plural(unplaced, 'finding')} could not be placed on the diff`
        : 'No issues found';
  const { usage } = outcome;
  const rows = [
    ['Files reviewed', `${outcome.reviewedFiles.length} of ${context.changedFileCount} changed`],
    [
      'Findings posted',
      `${outcome.inline.length} inline, ${outcome.summaryOnly.length} in the review summary`,
    ],
    ['Findings held back', heldBack === 0 ? 'none' : describeHeldBack(outcome.filtered)],
    ['Cross-file context', cell(describeContext(outcome.context))],
    ['Review passes', cell(describePasses(outcome))],
    ['Model usage', describeUsage(usage)],
  ];
  const summary = [
    `Reviewed commit \`${context.headSha.slice(0, 7)}\`${context.scope ? `: ${context.scope}` : ''}.`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([label, value]) => `| ${label} | ${value} |`),
  ];
  if (context.resolvedThreads) {
    summary.push(
      '',
      `${plural(context.resolvedThreads, 'earlier finding')} look${context.resolvedThreads === 1 ? 's' : ''} fixed by this push; ${context.resolvedThreads === 1 ? 'its thread was' : 'their threads were'} resolved.`,
    );
  }
  if (context.refusedInline) {
    summary.push(
      '',
      `GitHub refused ${plural(context.refusedInline, 'inline comment')} on this diff, so ${context.refusedInline === 1 ? 'it is' : 'they are'} in the review summary instead.`,
    );
  }
  for (const note of outcome.budgetNotes) summary.push('', note);
  for (const paragraph of describeLearned(outcome.learned)) summary.push('', paragraph);
  const planted = describePlantedText(outcome);
  if (planted) summary.push('', planted);
  if (outcome.suggestionsDropped > 0) {
    summary.push(
      '',
      `${plural(outcome.suggestionsDropped, 'suggested fix')} left out: the code would not parse with it applied.`,
    );
  }
  if (context.listedFileCount < context.changedFileCount) {
    summary.push(
      '',
      `GitHub listed only ${context.listedFileCount} of the ${context.changedFileCount} changed files; the rest were not reviewed.`,
    );
  }
  if (outcome.skippedFiles.length > 0) {
    summary.push('', `**Not reviewed (${outcome.skippedFiles.length}):**`, '');
    summary.push(...outcome.skippedFiles.map((file) => `- \`${file.path}\` — ${file.reason}`));
  }
  if (context.configProblems.length > 0) {
    summary.push('', '**Configuration problems** (the defaults apply to these keys):', '');
    summary.push(...context.configProblems.map(describeConfigProblem));
  }
  if (unplaced > 0) {
    summary.push(
      '',
      `${plural(unplaced, 'finding')} pointed at lines that are not in this diff and ${unplaced === 1 ? 'was' : 'were'} left out. Use **Re-run** to review again.`,
    );
  }
  return {
    conclusion: posted === 0 && unplaced === 0 ? 'success' : 'neutral',
    title,
    summary: summary.join('\n'),
  };
}

/** Text that must stay inside one cell of a Markdown table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function describeConfigProblem(problem: LocatedConfigProblem): string {
  const line = problem.line ? `, line ${problem.line}` : '';
  // A problem with the whole file (it does not parse) has no key to name: name the file.
  if (!problem.key) return `- \`${problem.file ?? REPO_CONFIG_PATH}\`${line}: ${problem.message}`;
  const where = problem.file ? ` (${problem.file}${line})` : '';
  return `- \`${problem.key}\`: ${problem.message}${where}`;
}
