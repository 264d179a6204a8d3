import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingMarker, readFindingMarker } from '../../../src/github/review-markers.js';
import { findingMarkerOf } from '../../../src/review/post-review/finding-marker-of.js';
import { renderComment } from '../../../src/review/render/render-comment.js';
import { fingerprintFinding } from '../../../src/review/score-findings/fingerprint-finding.js';
import type { Candidate, Finding, LocatedFinding, PostedFinding } from '../../../src/review/types.js';
import { FIXTURES } from '../../support/fixtures.js';

const INVENTORY = join(FIXTURES, 'eval', 'typescript__inventory__reserve-last-unit');

/** A file of the inventory pull request, at its base or its head. */
export function inventoryFile(side: 'base' | 'head', path: string): string {
  return readFileSync(join(INVENTORY, side, path), 'utf8');
}

/** The inventory pull request's real defect: `reserve` refuses an order for exactly the units left. */
export const RESERVE: LocatedFinding = {
  pass: 'correctness',
  category: 'bug',
  severity: 'major',
  title: '`reserve` refuses to sell the last units in stock',
  body: 'With `available === count` the `<=` refuses an order for exactly the units left, so the last unit of an item can never be reserved.',
  evidence: ['if (available <= count) return false;'],
  suggestion: '  if (available < count) return false;',
  path: 'src/stock.ts',
  side: 'RIGHT',
  startLine: 6,
  endLine: 6,
  withinOneHunk: true,
  code: ['  if (available <= count) return false;'],
  symbol: 'reserve',
};

/** A finding as the pipeline scores it, fingerprinted the way Sift does. */
export function scored(located: LocatedFinding, overrides: Partial<LocatedFinding> = {}): Finding {
  const finding = { ...located, ...overrides };
  return {
    ...finding,
    fingerprint: fingerprintFinding(finding),
    confidence: 0.86,
    votes: 3,
    verdict: 'confirmed',
  };
}

let nextComment = 2_000_000_100;

/** A finding's comment as GitHub holds it: the rendered comment and the marker the host adds. */
export function postedComment(finding: Finding): string {
  const body = renderComment(finding, { allowedLinkBase: 'https://github.com/acme/inventory' });
  return `${body}\n\n${findingMarker(findingMarkerOf(finding))}`;
}

/**
 * What Sift reads back from GitHub for a finding it posted: the comment it rendered, the marker
 * on its last line, and the thread's state.
 */
export function postedFinding(
  finding: Finding,
  state: Partial<
    Pick<PostedFinding, 'isResolved' | 'resolvedBy' | 'thumbsDownBy' | 'thumbsUpBy' | 'replies'>
  > = {},
): PostedFinding {
  const body = postedComment(finding);
  const marker = readFindingMarker(body);
  if (!marker) throw new Error('the posted comment holds no finding marker');
  nextComment += 1;
  return {
    marker,
    threadId: `PRRT_kwDOKx1b5M5${nextComment.toString(36)}`,
    commentId: nextComment,
    path: finding.path,
    title: /^\*\*(.+?)\*\*/.exec(body)?.[1] ?? '',
    body,
    isResolved: false,
    resolvedBy: null,
    thumbsDownBy: [],
    thumbsUpBy: [],
    replies: [],
    ...state,
  };
}

/** A candidate of a re-review, posted or not: what matters to fixed-finding detection is its claim. */
export function candidate(finding: Finding): Candidate {
  return { finding, passes: ['correctness'], verifierReason: 'confirmed by the verifier', outcome: 'posted' };
}
