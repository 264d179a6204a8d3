import type { FileAtRef } from '../pull-request-host.js';
import { makesSameClaim } from '../score-findings/makes-same-claim.js';
import { containsSpan } from '../score-findings/span-hash.js';
import type { Candidate, PostedFinding } from '../types.js';

/**
 * Whether the code a posted finding pointed at is gone from its file now: changed, or deleted
 * with the file. False when that cannot be told — a finding on removed lines or without the code
 * span in its marker has nothing to compare, and a file present but unreadable (binary, too
 * large) cannot be searched.
 */
export async function codeIsGone(
  posted: PostedFinding,
  readFile: (path: string) => Promise<FileAtRef>,
): Promise<boolean> {
  const { span, lines, side } = posted.marker;
  if (!span || !lines || side === 'LEFT') return false;
  const file = await readFile(posted.path);
  if (!file.exists) return true;
  return file.text !== null && !containsSpan(file.text, span, lines);
}

/**
 * The open findings that look fixed after a re-review: the code they pointed at is gone
 * (codeIsGone), and no candidate of the new review makes the same claim.
 */
export async function findFixedFindings(
  posted: readonly PostedFinding[],
  candidates: readonly Candidate[],
  readHead: (path: string) => Promise<FileAtRef>,
): Promise<PostedFinding[]> {
  const fixed: PostedFinding[] = [];
  for (const item of posted) {
    if (item.isResolved || !(await codeIsGone(item, readHead))) continue;
    if (!candidates.some(({ finding }) => makesSameClaim(item, finding))) fixed.push(item);
  }
  return fixed;
}
