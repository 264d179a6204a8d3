import type { PostedFinding } from '../../github/load-sift-history.js';
import { makesSameClaim } from '../score-findings/makes-same-claim.js';
import { containsSpan } from '../score-findings/span-hash.js';
import type { Candidate } from '../types.js';

/** What a re-review knows of a file at the new head: whether it exists, and its text when readable. */
export interface HeadFile {
  readonly exists: boolean;
  readonly text: string | null;
}

/**
 * The open findings that look fixed after a re-review: the code they pointed at is no longer in
 * the new version of the file (changed, or deleted with the file), and no candidate of the new
 * review makes the same claim. Findings on removed lines, or without the code span in their
 * marker, are left alone — there is nothing to compare.
 */
export async function findFixedFindings(
  posted: readonly PostedFinding[],
  candidates: readonly Candidate[],
  readHead: (path: string) => Promise<HeadFile>,
): Promise<PostedFinding[]> {
  const fixed: PostedFinding[] = [];
  for (const item of posted) {
    const { span, lines, side } = item.marker;
    if (item.isResolved || !span || !lines || side === 'LEFT') continue;
    const head = await readHead(item.path);
    if (head.exists && head.text === null) continue; // present but unreadable (binary, too large): cannot tell
    if (head.text !== null && containsSpan(head.text, span, lines)) continue;
    if (!candidates.some(({ finding }) => makesSameClaim(item, finding))) fixed.push(item);
  }
  return fixed;
}
