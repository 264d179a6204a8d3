import { clipText } from '../../review/render/clip-text.js';
import { FINDING_LIMITS } from '../../review/render/finding-limits.js';
import type { Change, Finding, ReviewOutcome, Severity } from '../../review/types.js';
import { stripControlCharacters as clean } from './strip-control-characters.js';
import { summarizeOutcome } from './summarize-outcome.js';
import { wrapText } from './wrap-text.js';

// Wide enough for a sentence of code-heavy prose, narrow enough to read in a split terminal.
const WIDTH = 100;

// SGR codes (ECMA-48 §8.3.117), each closed by its own reset so styles nest.
const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const SEVERITY_STYLE: Record<Severity, readonly [string, string]> = {
  critical: ['\u001b[31m', '\u001b[39m'],
  major: ['\u001b[33m', '\u001b[39m'],
  minor: ['\u001b[2m', '\u001b[22m'],
};

/**
 * The review as `sift review` prints it on a terminal: a headline, each posted finding with its
 * location, claim, reasoning, evidence and suggested lines, then what was skipped, held back and
 * spent. Text from outside Sift is stripped of control characters, so a finding cannot rewrite the
 * terminal; colour codes appear only when `color` is on.
 */
export function formatText(
  outcome: ReviewOutcome,
  change: Pick<Change, 'head'>,
  options: { color: boolean },
): string {
  const style = (text: string, [open, close]: readonly [string, string]) =>
    options.color ? `${open}${text}${close}` : text;
  const summary = summarizeOutcome(outcome, change);
  const blocks = [summary.headline];
  for (const finding of summary.findings) {
    const severity = style(finding.severity, SEVERITY_STYLE[finding.severity]);
    const title = clipText(clean(finding.title).replace(/\s+/g, ' ').trim(), FINDING_LIMITS.titleChars);
    const lines = [
      `${location(finding)}  ${finding.category} · ${severity} · confidence ${finding.confidence.toFixed(2)}`,
      `  ${style(title, BOLD)}`,
      wrapText(clipText(clean(finding.body), FINDING_LIMITS.bodyChars), WIDTH, '  '),
    ];
    const evidence = finding.evidence
      .map((item) => clean(item).replace(/\s+/g, ' ').trim())
      .filter((item) => item !== '')
      .slice(0, FINDING_LIMITS.evidence);
    if (evidence.length > 0) lines.push(wrapText(`Evidence: ${evidence.join(', ')}`, WIDTH, '  '));
    if (finding.suggestion !== null) lines.push(...suggested(clean(finding.suggestion)));
    blocks.push(lines.join('\n'));
  }
  const footer = summary.facts.map(([label, value]) => wrapText(`${label}: ${clean(value)}`, WIDTH));
  footer.push(...summary.notes.map((note) => wrapText(clean(note), WIDTH)));
  // Last, as the one open-ended list: the fixed facts stay where a reader expects them.
  if (summary.skippedCount > 0) {
    footer.push('', `Not reviewed (${summary.skippedCount}):`);
    footer.push(...summary.skipped.map((file) => `  ${clean(file.path)} — ${clean(file.reason)}`));
    if (summary.moreSkipped > 0) footer.push(`  and ${summary.moreSkipped} more`);
  }
  blocks.push(footer.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** `path:12` or `path:12-14`, the form terminals and editors turn into links. */
function location(finding: Finding): string {
  const lines =
    finding.startLine === finding.endLine
      ? `${finding.startLine}`
      : `${finding.startLine}-${finding.endLine}`;
  return `${clean(finding.path)}:${lines}${finding.side === 'LEFT' ? ' (before the change)' : ''}`;
}

/** The replacement lines, indented under a label; an empty suggestion deletes the lines. */
function suggested(suggestion: string): string[] {
  if (suggestion === '') return ['  Suggested: delete these lines.'];
  const lines = suggestion.replace(/\n$/, '').split('\n');
  const shown = lines
    .slice(0, FINDING_LIMITS.suggestionLines)
    .map((line) => (line.trim() === '' ? '' : `    ${line}`));
  const more = lines.length - shown.length;
  return ['  Suggested:', ...shown, ...(more > 0 ? [`    … ${more} more lines`] : [])];
}
