import { detectLanguage } from '../../context/languages.js';
import { clipText } from '../../review/render/clip-text.js';
import { FINDING_LIMITS, fenceFor } from '../../review/render/finding-limits.js';
import { sanitizeModelMarkdown } from '../../review/render/sanitize-model-markdown.js';
import type { Change, Finding, ReviewOutcome } from '../../review/types.js';
import { stripControlCharacters } from './strip-control-characters.js';
import { summarizeOutcome } from './summarize-outcome.js';

// The report is read wherever it is pasted or uploaded, with no repository page to check links
// against: only relative paths stay links.
const NO_HOST = { allowedLinkBase: null };

/**
 * The review as a Markdown report (for a CI job summary, a file, or a comment someone posts by
 * hand): the headline, each posted finding with its location, claim, reasoning, evidence and
 * suggested code, then what was skipped, held back and spent. Model text is sanitised as it is
 * for GitHub — no mentions, links or HTML — and stripped of terminal control characters.
 */
export function formatMarkdown(outcome: ReviewOutcome, change: Pick<Change, 'head'>): string {
  const summary = summarizeOutcome(outcome, change);
  const blocks = [summary.headline];
  for (const finding of summary.findings) blocks.push(...renderFinding(finding));
  blocks.push('---');
  blocks.push(summary.facts.map(([label, value]) => `- **${label}:** ${prose(value)}`).join('\n'));
  blocks.push(...summary.notes.map(prose));
  // Last, and after a paragraph: two lists with only a blank line between would merge into one.
  if (summary.skippedCount > 0) {
    const listed = summary.skipped.map((file) => `- ${codeSpan(file.path)} — ${prose(file.reason)}`);
    if (summary.moreSkipped > 0) listed.push(`- and ${summary.moreSkipped} more`);
    blocks.push(`**Not reviewed (${summary.skippedCount}):**`, listed.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function renderFinding(finding: Finding): string[] {
  const lines =
    finding.startLine === finding.endLine
      ? `line ${finding.startLine}`
      : `lines ${finding.startLine}–${finding.endLine}`;
  const blocks = [
    `### ${prose(clipText(stripControlCharacters(finding.title), FINDING_LIMITS.titleChars))}`,
    `${codeSpan(finding.path)} ${lines}${finding.side === 'LEFT' ? ' (before the change)' : ''} · ${finding.category} · ${finding.severity} · confidence ${finding.confidence.toFixed(2)}`,
    sanitizeModelMarkdown(clipText(stripControlCharacters(finding.body), FINDING_LIMITS.bodyChars), NO_HOST),
  ];
  const evidence = finding.evidence
    .filter((item) => item.trim() !== '')
    .slice(0, FINDING_LIMITS.evidence)
    .map(codeSpan);
  if (evidence.length > 0) blocks.push(`Evidence: ${evidence.join(', ')}`);
  if (finding.suggestion !== null) blocks.push(...suggestionBlock(finding.suggestion, finding.path));
  return blocks;
}

/** The suggested lines as a fenced block in the file's language; the fence outruns any backticks inside. */
function suggestionBlock(suggestion: string, path: string): string[] {
  if (suggestion === '') return ['Suggested: delete these lines.'];
  const lines = stripControlCharacters(suggestion).replace(/\n$/, '').split('\n');
  const shown = lines.slice(0, FINDING_LIMITS.suggestionLines).join('\n');
  const fence = fenceFor(shown);
  const block = `Suggested:\n\n${fence}${detectLanguage(path) ?? ''}\n${shown}\n${fence}`;
  const more = lines.length - FINDING_LIMITS.suggestionLines;
  return more > 0 ? [block, `(${more} more lines not shown)`] : [block];
}

/** One line of sanitised prose: model or error text that must neither break the layout nor mention anyone. */
function prose(text: string): string {
  return sanitizeModelMarkdown(stripControlCharacters(text).replace(/\s+/g, ' ').trim(), NO_HOST);
}

/** Text as inline code, delimited by a backtick run it does not contain (CommonMark §6.1). */
function codeSpan(text: string): string {
  const clean = stripControlCharacters(text).replace(/\s+/g, ' ');
  const longestRun = Math.max(0, ...[...clean.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${clean}${pad}${ticks}`;
}
