import type { Finding } from '../types.js';

export interface AnchoredFindings {
  /** Findings GitHub will accept as inline comments. */
  readonly inline: readonly Finding[];
  /** Findings that span more than one hunk: listed in the review summary with a permalink. */
  readonly summaryOnly: readonly Finding[];
}

/**
 * Stage 7: decides where each finding is posted. Every located finding already sits on lines of
 * the diff; what GitHub additionally requires is that a multi-line comment stays inside one hunk,
 * otherwise it rejects the whole review with 422. Suggestions are kept only where GitHub can apply
 * them: a range of the new version inside one hunk.
 */
export function anchorFindings(findings: readonly Finding[]): AnchoredFindings {
  const inline: Finding[] = [];
  const summaryOnly: Finding[] = [];
  for (const finding of findings) {
    if (finding.withinOneHunk) {
      inline.push(finding.side === 'RIGHT' ? finding : { ...finding, suggestion: null });
    } else {
      summaryOnly.push({ ...finding, suggestion: null });
    }
  }
  return { inline, summaryOnly };
}
