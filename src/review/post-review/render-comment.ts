import { findingMarker } from '../../github/review-markers.js';
import { spanHash } from '../score-findings/span-hash.js';
import type { Finding } from '../types.js';
import { clipText } from './clip-text.js';
import { FINDING_LIMITS } from './finding-limits.js';
import { renderSuggestion } from './render-suggestion.js';
import { sanitizeModelMarkdown } from './sanitize-model-markdown.js';

/** The body of one inline comment: the claim, the reasoning, the evidence, an optional fix. */
export function renderComment(finding: Finding): string {
  const parts = [
    `**${sanitizeModelMarkdown(clipText(finding.title, FINDING_LIMITS.titleChars))}** <sub>${finding.category} · ${finding.severity} · confidence ${finding.confidence.toFixed(2)}</sub>`,
    sanitizeModelMarkdown(clipText(finding.body, FINDING_LIMITS.bodyChars)),
  ];
  const evidence = finding.evidence
    .slice(0, FINDING_LIMITS.evidence)
    .map((item) => clipText(item.replace(/`/g, "'"), 200));
  if (evidence.length > 0) parts.push(`Evidence: ${evidence.map((item) => `\`${item}\``).join(', ')}`);
  const suggestion = finding.suggestion === null ? null : renderSuggestion(finding.suggestion);
  if (suggestion) parts.push(suggestion);
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
