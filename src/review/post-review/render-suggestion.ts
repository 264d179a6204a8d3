// A longer replacement is a rewrite, not a suggestion a reviewer can check at a glance.
const MAX_SUGGESTION_LINES = 60;

/**
 * A GitHub suggestion block for a replacement, or null when it is too long to offer. Its fence is
 * longer than any run of backticks inside, so the suggested code cannot close it early.
 */
export function renderSuggestion(suggestion: string): string | null {
  if (suggestion.split('\n').length > MAX_SUGGESTION_LINES) return null;
  const longestRun = Math.max(2, ...[...suggestion.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}suggestion\n${suggestion.replace(/\n$/, '')}\n${fence}`;
}
