import { describeContext } from '../../review/render/describe-context.js';
import { describeHeldBack } from '../../review/render/describe-held-back.js';
import { describePasses } from '../../review/render/describe-passes.js';
import { describePlantedText } from '../../review/render/describe-planted-text.js';
import { describeUsage } from '../../review/render/describe-usage.js';
import { plural } from '../../review/render/plural.js';
import type { Change, Finding, ReviewOutcome, SkippedFile } from '../../review/types.js';

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
  const planted = describePlantedText(outcome);
  if (planted) notes.push(planted);
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
      ['Model usage', describeUsage(usage)],
    ],
    notes,
  };
}
