import { FILTER_LABELS } from '../../review/post-review/filter-labels.js';
import { plural } from '../../review/post-review/plural.js';
import type { Change, FilterReason, Finding, ReviewOutcome, SkippedFile } from '../../review/types.js';

// A long list of lockfiles and generated code would push the findings off the screen.
const MAX_SKIPPED_SHOWN = 10;

/**
 * What the text and Markdown reports say, before either decides how to show it. Strings hold text
 * from outside Sift (model output, paths, error messages) as it came: each report makes it safe
 * for its own medium.
 */
export interface OutcomeSummary {
  readonly headline: string;
  /** Posted findings, inline ones first, in posting order. */
  readonly findings: readonly Finding[];
  /** The first skipped files, with `moreSkipped` saying how many are not listed. */
  readonly skipped: readonly SkippedFile[];
  readonly skippedCount: number;
  readonly moreSkipped: number;
  /** Label and value, e.g. `['Held back', '2 below the confidence threshold']`. */
  readonly facts: readonly (readonly [label: string, value: string])[];
  /** Sentences on what the budget or a broken suggestion changed. */
  readonly notes: readonly string[];
}

/** The headline, the findings and the footer facts of a review, shared by the text and Markdown reports. */
export function summarizeOutcome(outcome: ReviewOutcome, change: Pick<Change, 'head'>): OutcomeSummary {
  const findings = [...outcome.inline, ...outcome.summaryOnly];
  const reviewed = `Sift reviewed ${plural(outcome.reviewedFiles.length, 'file')} at ${change.head.sha.slice(0, 7)}`;
  const { usage } = outcome;
  const notes = [...outcome.budgetNotes];
  if (outcome.suggestionsDropped > 0) {
    notes.push(
      `${plural(outcome.suggestionsDropped, 'suggested fix', 'suggested fixes')} left out: the code would not parse with it applied.`,
    );
  }
  return {
    headline:
      findings.length === 0
        ? `${reviewed}: nothing worth a comment.`
        : `${reviewed}: ${plural(findings.length, 'finding')}.`,
    findings,
    skipped: outcome.skippedFiles.slice(0, MAX_SKIPPED_SHOWN),
    skippedCount: outcome.skippedFiles.length,
    moreSkipped: Math.max(0, outcome.skippedFiles.length - MAX_SKIPPED_SHOWN),
    facts: [
      ['Held back', describeHeldBack(outcome.filtered)],
      ['Review passes', describePasses(outcome)],
      ['Cross-file context', describeContext(outcome.context)],
      [
        'Model usage',
        `${plural(usage.calls, 'call')}, ${count(usage.promptTokens)} prompt tokens (${count(usage.cachedPromptTokens)} cached), ${count(usage.completionTokens)} completion tokens`,
      ],
    ],
    notes,
  };
}

function describeHeldBack(filtered: ReviewOutcome['filtered']): string {
  const held = (Object.keys(FILTER_LABELS) as FilterReason[])
    .filter((reason) => (filtered[reason] ?? 0) > 0)
    .map((reason) => `${filtered[reason]} ${FILTER_LABELS[reason]}`);
  return held.length === 0 ? 'none' : held.join('; ');
}

function describePasses(outcome: ReviewOutcome): string {
  const { planned, failed } = outcome.passes;
  if (planned === 0) return 'none (nothing to review)';
  const failures = failed.map((failure) => `${failure.pass}: ${failure.reason}`).join('; ');
  const verifier =
    outcome.verifierFailures.length > 0
      ? `; verification failed (${outcome.verifierFailures[0]}), findings were scored on agreement alone`
      : '';
  return `${planned - failed.length} of ${planned} answered${failures ? ` (failed: ${failures})` : ''}${verifier}`;
}

function describeContext(context: ReviewOutcome['context']): string {
  if (context.status === 'off') return 'off';
  if (context.status === 'unavailable')
    return `unavailable (${context.reason}); the diff was reviewed on its own`;
  const omitted = context.omitted > 0 ? `; ${plural(context.omitted, 'more snippet')} did not fit` : '';
  return `${plural(context.snippets, 'snippet')} from ${plural(context.files, 'file')}, ${count(context.tokens)} of ${count(context.budget)} tokens${omitted}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
