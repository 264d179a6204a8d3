import { fenceUntrusted } from '../../llm/fence-untrusted.js';
import type { Change } from '../types.js';

// A description longer than this is almost always a pasted log or template; the start says enough.
const MAX_BODY_CHARS = 4_000;
const MAX_COMMITS = 30;

/** The author's account of the change — title, description, commit messages — fenced as data. */
export function renderPullRequest(change: Pick<Change, 'title' | 'body' | 'commitMessages'>): string {
  const body =
    change.body.length > MAX_BODY_CHARS
      ? `${change.body.slice(0, MAX_BODY_CHARS)}\n[…truncated]`
      : change.body;
  const commits = change.commitMessages
    .slice(0, MAX_COMMITS)
    .map((message) => `- ${message.split('\n')[0] ?? ''}`);
  const text = [
    `Title: ${change.title}`,
    '',
    'Description:',
    body.trim() || '(none)',
    '',
    'Commits:',
    ...(commits.length > 0 ? commits : ['(none)']),
  ].join('\n');
  return fenceUntrusted('pull-request', text);
}
