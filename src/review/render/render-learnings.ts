import type { Calibration } from '../learnings/calibrate-thresholds.js';
import type { JudgedFinding } from '../learnings/judge-findings.js';
import type { Convention, FeedbackSignal } from '../learnings/learning-types.js';
import { HOLD_BACK_AT } from '../learnings/weigh-learnings.js';
import { clipText } from './clip-text.js';
import { plural } from './plural.js';
import { sanitizeModelMarkdown } from './sanitize-model-markdown.js';

// Rows per table: enough to review, few enough that the comment stays far under GitHub's limit.
const MAX_ROWS = 25;

const SIGNAL_WORDS: Readonly<Record<FeedbackSignal['kind'], string>> = {
  'thumbs-down': '👎 by',
  'thumbs-up': '👍 by',
  dismissed: 'resolved unchanged by',
  disputed: 'disputed by',
  fixed: 'fixed by',
};

export interface LearningsToShow {
  /** `owner/repo`. */
  readonly repository: string;
  /** The repository on the web, to link pull requests; null when unknown. */
  readonly repositoryUrl: string | null;
  readonly learningOn: boolean;
  readonly judged: readonly JudgedFinding[];
  readonly calibrations: readonly Calibration[];
  readonly conventions: readonly Convention[];
  /** Conventions learned on the organisation's `.github` repository, which apply here too. */
  readonly organisationConventions: readonly Convention[];
}

/**
 * The answer to `/review learnings`: every learning of the repository with its id and evidence —
 * findings the team dismissed (held back, or their confidence lowered) or acted on, thresholds its
 * outcomes moved, conventions it stated, and the organisation's conventions — then how to undo
 * one and how to turn learning off. Model-written text (titles, conventions) is sanitised; people
 * are named without `@`, so nobody is notified.
 */
export function renderLearnings(shown: LearningsToShow): string {
  const heading = `**What Sift learned on ${shown.repository}** from feedback by the pull requests' authors and people with write access:`;
  const off = shown.learningOn
    ? []
    : [
        '',
        "`learning` is off in this repository's `.github/sift.yml`: none of this is used until it is turned on again.",
      ];
  const dismissed = shown.judged.filter((item) => item.verdict > 0);
  const accepted = shown.judged.filter((item) => item.verdict < 0);
  const sections = [
    table(
      'Findings like these are not posted again',
      ['id', 'finding', 'effect', 'evidence'],
      dismissed.map((item) => [
        code(item.id),
        describeFinding(item, shown.repositoryUrl),
        item.verdict >= HOLD_BACK_AT ? 'held back' : 'confidence lowered',
        evidenceOf(item, shown.repositoryUrl),
      ]),
    ),
    table(
      'Findings like these were wanted (they count against dismissals of similar ones)',
      ['id', 'finding', 'evidence'],
      accepted.map((item) => [
        code(item.id),
        describeFinding(item, shown.repositoryUrl),
        evidenceOf(item, shown.repositoryUrl),
      ]),
    ),
    table(
      'Thresholds',
      ['id', 'category', 'threshold', 'learned from'],
      shown.calibrations.map((item) => [
        code(item.id),
        item.category,
        item.threshold === item.configured
          ? `${item.threshold} (unchanged)`
          : `${item.threshold} (configured ${item.configured})`,
        `${plural(item.outcomes, 'outcome')}: ${formatWeight(item.accepted)} fixed or 👍, ${formatWeight(item.dismissed)} dismissed`,
      ]),
    ),
    conventionTable(
      'Conventions, given to every review of the files they apply to',
      shown.conventions,
      shown.repositoryUrl,
    ),
    conventionTable(
      "Organisation conventions (learned on the organisation's `.github` repository; forget them there)",
      shown.organisationConventions,
      null,
    ),
  ].filter((section) => section !== null);
  const body =
    sections.length === 0
      ? [
          '',
          'Nothing yet. Sift learns from 👎 and 👍 on its findings, threads resolved without a change, replies that dispute a finding or state a convention, and findings fixed before merge.',
        ]
      : sections.flatMap((section) => ['', section]);
  return [
    heading,
    ...off,
    ...body,
    '',
    'Comment `/review forget <id>` to make Sift forget one; `learning: false` in `.github/sift.yml` turns learning off.',
  ].join('\n');
}

function table(title: string, columns: readonly string[], rows: readonly string[][]): string | null {
  if (rows.length === 0) return null;
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length > shown.length ? [`\n…and ${rows.length - shown.length} older, not shown.`] : [];
  return [
    `**${title}**`,
    '',
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...shown.map((row) => `| ${row.join(' | ')} |`),
    ...more,
  ].join('\n');
}

function conventionTable(
  title: string,
  conventions: readonly Convention[],
  repositoryUrl: string | null,
): string | null {
  return table(
    title,
    ['id', 'convention', 'applies to', 'stated by'],
    [...conventions]
      .sort((a, b) => b.at - a.at)
      .map((item) => [
        code(item.id),
        modelText(item.rule, 300, repositoryUrl),
        item.paths.length === 0 ? 'the whole repository' : item.paths.map(code).join(', '),
        `${cell(item.by)} on ${item.url ? `[#${item.pullNumber}](${item.url})` : `#${item.pullNumber}`}`,
      ]),
  );
}

function describeFinding(item: JudgedFinding, repositoryUrl: string | null): string {
  const { finding } = item;
  const kind = [finding.category, code(finding.pathPattern), finding.symbolKind].filter(Boolean).join(', ');
  return `${modelText(finding.title, 120, repositoryUrl)} (${kind})`;
}

function evidenceOf(item: JudgedFinding, repositoryUrl: string | null): string {
  const pull = repositoryUrl
    ? `[#${item.pullNumber}](${repositoryUrl}/pull/${item.pullNumber})`
    : `#${item.pullNumber}`;
  const signals = item.signals.map(
    (signal) =>
      `${SIGNAL_WORDS[signal.kind]} ${cell(signal.by)}${signal.role === 'reviewer' ? '' : ' (author)'}`,
  );
  return `${[...new Set(signals)].join(', ')} on ${pull}`;
}

/** Model-written text in a table cell: sanitised, on one line, clipped. */
function modelText(text: string, maxChars: number, repositoryUrl: string | null): string {
  const safe = sanitizeModelMarkdown(clipText(text.replace(/\s+/g, ' ').trim(), maxChars), {
    allowedLinkBase: repositoryUrl,
  });
  return cell(safe);
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function formatWeight(weight: number): string {
  return String(Math.round(weight * 10) / 10);
}
