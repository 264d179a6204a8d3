/**
 * How much of a finding any report shows, whatever the model wrote: the review comment, the
 * summary and the CLI's reports all clip to these, so a rambling (or hostile) model cannot push a
 * review past GitHub's 65,536-character limit or fill a terminal.
 */
export const FINDING_LIMITS = {
  titleChars: 200,
  bodyChars: 4_000,
  evidence: 8,
  // A longer replacement is a rewrite, not a suggestion a reviewer can check at a glance.
  suggestionLines: 60,
} as const;

/** A code fence longer than any run of backticks in `code`, so the code cannot close it early. */
export function fenceFor(code: string): string {
  const longestRun = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longestRun + 1);
}
