import { LEARNING_ID } from '../review/learnings/learning-id.js';
import { isValidGlob } from '../review/select-files/compile-globs.js';

/** What a `/review` comment asks for. */
export type ReviewCommand =
  | { readonly kind: 'review'; readonly scope: 'new' }
  | { readonly kind: 'review'; readonly scope: 'full' }
  | { readonly kind: 'review'; readonly scope: 'paths'; readonly glob: string }
  | { readonly kind: 'config' }
  | { readonly kind: 'stats' }
  | { readonly kind: 'learnings' }
  | { readonly kind: 'forget'; readonly id: string }
  | { readonly kind: 'help'; readonly unknown: string | null };

const COMMAND = /^\/review(?:\s+(.*))?$/;
// A glob is a path pattern: it has a slash, a wildcard, a brace set or a file extension.
const LOOKS_LIKE_PATH = /[/*?{}[\]]|\.[A-Za-z0-9]+$/;
const MAX_GLOB_CHARS = 200;

/**
 * Finds a `/review` command in a comment: the first line that starts with it, outside quoted
 * lines (`> /review` is someone quoting) and code blocks. Null when there is none. Anything Sift
 * does not understand is answered with the help text, never guessed.
 */
export function parseReviewCommand(body: string): ReviewCommand | null {
  let inFence = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || line.startsWith('>')) continue;
    const match = COMMAND.exec(line);
    if (!match) continue;
    // People often quote the glob as code: `/review `src/**``.
    const argument = (match[1] ?? '').trim().replace(/^`([^`]*)`$/, '$1');
    if (argument === '') return { kind: 'review', scope: 'new' };
    if (argument === 'full') return { kind: 'review', scope: 'full' };
    if (argument === 'config') return { kind: 'config' };
    if (argument === 'stats') return { kind: 'stats' };
    if (argument === 'learnings') return { kind: 'learnings' };
    const forget = /^forget\s+`?([^\s`]+)`?$/.exec(argument);
    if (forget?.[1] && LEARNING_ID.test(forget[1])) return { kind: 'forget', id: forget[1] };
    if (argument === 'help') return { kind: 'help', unknown: null };
    if (
      LOOKS_LIKE_PATH.test(argument) &&
      !/\s/.test(argument) &&
      argument.length <= MAX_GLOB_CHARS &&
      isValidGlob(argument)
    ) {
      return { kind: 'review', scope: 'paths', glob: argument };
    }
    return { kind: 'help', unknown: argument.slice(0, 80) };
  }
  return null;
}
