import { compileGlobs } from '../select-files/compile-globs.js';
import type { Convention } from './learning-types.js';

// Conventions a review's prompt carries at most, and the characters of each: they came from
// replies, and a long list would crowd out the diff and dilute the repository's own rules.
export const MAX_CONVENTIONS_IN_PROMPT = 12;
export const MAX_CONVENTION_CHARS = 240;

/**
 * The conventions that apply to a review of `paths`: those for the whole repository and those
 * scoped to a glob one of the paths matches, newest first, at most MAX_CONVENTIONS_IN_PROMPT.
 */
export function conventionsFor(conventions: readonly Convention[], paths: readonly string[]): Convention[] {
  return [...conventions]
    .filter((convention) => {
      if (convention.paths.length === 0) return true;
      const matches = compileGlobs(convention.paths);
      return paths.some(matches);
    })
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_CONVENTIONS_IN_PROMPT);
}

/** The conventions as the prompt lists them: one line each, clipped, with the paths they cover. */
export function renderConventions(conventions: readonly Convention[]): string {
  return conventions
    .map((convention) => {
      const rule = convention.rule.replace(/\s+/g, ' ').trim();
      const clipped =
        rule.length > MAX_CONVENTION_CHARS ? `${rule.slice(0, MAX_CONVENTION_CHARS - 1)}…` : rule;
      const scope = convention.paths.length > 0 ? ` (applies to ${convention.paths.join(', ')})` : '';
      return `- ${clipped}${scope}`;
    })
    .join('\n');
}
