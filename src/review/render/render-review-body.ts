import type { Change, ReviewOutcome } from '../types.js';
import { clipText } from './clip-text.js';
import { FINDING_LIMITS } from './finding-limits.js';
import { permalink } from './permalink.js';
import { plural } from './plural.js';
import { sanitizeModelMarkdown } from './sanitize-model-markdown.js';

/**
 * The review's top-level text: one line on what was reviewed and found, then the findings that
 * could not sit on a single diff hunk, each with a permalink so nothing is dropped. The details
 * (skipped files, held-back findings, usage) live in the check run, not in the conversation.
 */
export function renderReviewBody(
  change: Pick<Change, 'repository' | 'base' | 'head'>,
  outcome: ReviewOutcome,
): string {
  const shown = outcome.inline.length + outcome.summaryOnly.length;
  const files = plural(outcome.reviewedFiles.length, 'file');
  const headline =
    shown === 0
      ? `Sift reviewed ${files} at ${change.head.sha.slice(0, 7)} and found nothing worth a comment.`
      : `Sift reviewed ${files} at ${change.head.sha.slice(0, 7)} and found ${plural(shown, 'issue')} worth your attention.`;
  const lines = [headline];
  const links = { allowedLinkBase: change.repository.htmlUrl };
  if (outcome.summaryOnly.length > 0) {
    lines.push(
      '',
      'These span more than one part of the diff, so they are listed here rather than inline:',
      '',
    );
    for (const finding of outcome.summaryOnly) {
      const link = permalink(change, finding);
      const where = `${finding.path} lines ${finding.startLine}–${finding.endLine}${finding.side === 'LEFT' ? ' (before the change)' : ''}`;
      lines.push(
        `- **${sanitizeModelMarkdown(clipText(finding.title, FINDING_LIMITS.titleChars), links)}** <sub>${finding.category} · ${finding.severity}</sub> — [${where}](${link})`,
        `  ${sanitizeModelMarkdown(clipText(finding.body, 1_000), links).replace(/\n/g, '\n  ')}`,
      );
    }
  }
  return lines.join('\n');
}
