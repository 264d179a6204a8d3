import { FINDING_LIMITS, fenceFor } from './finding-limits.js';

/** A GitHub suggestion block for a replacement, or null when it is too long to offer. */
export function renderSuggestion(suggestion: string): string | null {
  if (suggestion.split('\n').length > FINDING_LIMITS.suggestionLines) return null;
  const fence = fenceFor(suggestion);
  return `${fence}suggestion\n${suggestion.replace(/\n$/, '')}\n${fence}`;
}
