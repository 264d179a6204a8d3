import type { Finding } from '../types.js';
import { clipText } from './clip-text.js';
import { FINDING_LIMITS } from './finding-limits.js';
import { renderSuggestion } from './render-suggestion.js';
import { type SanitizeOptions, sanitizeModelMarkdown } from './sanitize-model-markdown.js';

/**
 * The body of one inline comment: the claim, the reasoning, the evidence, an optional fix. The
 * host adds Sift's hidden marker (findingMarkerOf) where it keeps them. `links` names the one
 * repository the model's links may point into.
 */
export function renderComment(finding: Finding, links: SanitizeOptions): string {
  const parts = [
    `**${sanitizeModelMarkdown(clipText(finding.title, FINDING_LIMITS.titleChars), links)}** <sub>${finding.category} · ${finding.severity} · confidence ${finding.confidence.toFixed(2)}</sub>`,
    sanitizeModelMarkdown(clipText(finding.body, FINDING_LIMITS.bodyChars), links),
  ];
  const evidence = finding.evidence
    .slice(0, FINDING_LIMITS.evidence)
    .map((item) => clipText(item.replace(/`/g, "'"), 200));
  if (evidence.length > 0) parts.push(`Evidence: ${evidence.map((item) => `\`${item}\``).join(', ')}`);
  const suggestion = finding.suggestion === null ? null : renderSuggestion(finding.suggestion);
  if (suggestion) parts.push(suggestion);
  return parts.join('\n\n');
}
