import { findingMarker } from '../../github/review-markers.js';
import { spanHash } from '../score-findings/span-hash.js';
import type { Finding } from '../types.js';
import { clipText } from './clip-text.js';
import { sanitizeModelMarkdown } from './sanitize-model-markdown.js';

const MAX_TITLE_CHARS = 200;
const MAX_BODY_CHARS = 4_000;
const MAX_EVIDENCE = 8;
// A longer replacement is a rewrite, not a suggestion a reviewer can check at a glance.
const MAX_SUGGESTION_LINES = 60;

/** The body of one inline comment: the claim, the reasoning, the evidence, an optional fix. */
export function renderComment(finding: Finding): string {
  const parts = [
    `**${sanitizeModelMarkdown(clipText(finding.title, MAX_TITLE_CHARS))}** <sub>${finding.category} · ${finding.severity} · confidence ${finding.confidence.toFixed(2)}</sub>`,
    sanitizeModelMarkdown(clipText(finding.body, MAX_BODY_CHARS)),
  ];
  const evidence = finding.evidence
    .slice(0, MAX_EVIDENCE)
    .map((item) => clipText(item.replace(/`/g, "'"), 200));
  if (evidence.length > 0) parts.push(`Evidence: ${evidence.map((item) => `\`${item}\``).join(', ')}`);
  if (finding.suggestion !== null && finding.suggestion.split('\n').length <= MAX_SUGGESTION_LINES) {
    parts.push(suggestionBlock(finding.suggestion));
  }
  parts.push(
    findingMarker({
      fingerprint: finding.fingerprint,
      span: spanHash(finding.code),
      lines: Math.max(1, finding.code.filter((line) => line.trim() !== '').length),
      category: finding.category,
      side: finding.side,
    }),
  );
  return parts.join('\n\n');
}

/** A GitHub suggestion block; its fence is longer than any backtick run inside, so code cannot close it. */
function suggestionBlock(suggestion: string): string {
  const longestRun = Math.max(2, ...[...suggestion.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}suggestion\n${suggestion.replace(/\n$/, '')}\n${fence}`;
}
