import { FINDING_LIMITS, fenceFor } from './finding-limits.js';

// A line that is a bot command (`/lgtm`, `/approve`, `/review`): bots read commands from a
// comment's raw text, code fences included. A regex literal (`/x+/.test(s)`) has its closing slash.
const COMMAND_LINE = /^[ \t]*\/[A-Za-z][\w-]*(?:[ \t]|$)/m;

/**
 * A GitHub suggestion block for a replacement, or null when it is too long to offer or holds a
 * line another bot would take as a command posted by Sift.
 */
export function renderSuggestion(suggestion: string): string | null {
  if (suggestion.split('\n').length > FINDING_LIMITS.suggestionLines) return null;
  if (COMMAND_LINE.test(suggestion)) return null;
  const fence = fenceFor(suggestion);
  return `${fence}suggestion\n${suggestion.replace(/\n$/, '')}\n${fence}`;
}
