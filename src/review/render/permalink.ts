import type { Side } from '../../diff/types.js';
import type { Change } from '../types.js';

/**
 * A link to lines of a file at the exact commit reviewed: head for RIGHT lines, base for LEFT.
 * Built from the repository's own html_url, so it works on GitHub Enterprise Server too.
 */
export function permalink(
  change: Pick<Change, 'repository' | 'base' | 'head'>,
  location: { path: string; side: Side; startLine: number; endLine: number },
): string {
  const sha = location.side === 'RIGHT' ? change.head.sha : change.base.sha;
  const path = location.path.split('/').map(encodeURIComponent).join('/');
  const lines =
    location.startLine === location.endLine
      ? `L${location.startLine}`
      : `L${location.startLine}-L${location.endLine}`;
  return `${change.repository.htmlUrl}/blob/${sha}/${path}#${lines}`;
}
