import type { LearnedReport } from '../types.js';
import { clipText } from './clip-text.js';
import { plural } from './plural.js';
import { sanitizeModelMarkdown } from './sanitize-model-markdown.js';

/**
 * What the repository's learnings changed in a review, as check-run paragraphs: each finding held
 * back and the dismissed findings it resembles, linked to the pull requests they were dismissed
 * on, with how to see and undo what Sift learned; findings posted with a lowered confidence;
 * thresholds the outcomes moved; conventions given to the passes. Empty when nothing changed.
 */
export function describeLearned(learned: LearnedReport | null): string[] {
  if (learned === null) return [];
  const paragraphs: string[] = [];
  if (learned.heldBack.length > 0) {
    const dismissed = new Set(learned.heldBack.flatMap((item) => item.dismissedLike.map((ref) => ref.id)));
    const lines = learned.heldBack.map((item) => {
      const title = sanitizeModelMarkdown(clipText(item.title.replace(/\s+/g, ' '), 120), {
        allowedLinkBase: learned.repositoryUrl,
      });
      const evidence = item.dismissedLike
        .map(
          (ref) => `\`${ref.id}\` on [#${ref.pullNumber}](${learned.repositoryUrl}/pull/${ref.pullNumber})`,
        )
        .join(', ');
      return `- ${title} (\`${item.path}:${item.line}\`): similar to ${plural(item.dismissedLike.length, 'finding')} your team dismissed${evidence ? ` (${evidence})` : ''}`;
    });
    paragraphs.push(
      `**Held back: similar to ${plural(dismissed.size, 'finding')} your team dismissed.**`,
      lines.join('\n'),
      'Comment `/review learnings` for the list of what Sift learned on this repository and its evidence; `/review forget <id>` lets findings like that one be posted again.',
    );
  }
  if (learned.lowered > 0) {
    paragraphs.push(
      `${plural(learned.lowered, 'finding')} posted with a lowered confidence: your team dismissed similar findings before.`,
    );
  }
  if (learned.thresholds.length > 0) {
    const moved = learned.thresholds.map(
      (item) =>
        `${item.category} ${item.threshold} (configured ${item.configured}, learned from ${plural(item.outcomes, 'outcome')})`,
    );
    paragraphs.push(`Thresholds learned from this repository's outcomes: ${moved.join('; ')}.`);
  }
  if (learned.conventions > 0) {
    paragraphs.push(
      `The reviewers were given ${plural(learned.conventions, 'convention')} your team stated in earlier threads.`,
    );
  }
  return paragraphs;
}
