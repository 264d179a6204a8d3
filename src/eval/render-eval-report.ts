import type { EvalReport, Metrics } from './eval-types.js';
import { renderFeedbackReplay } from './render-feedback-replay.js';
import { renderHeldBack } from './render-held-back.js';

/**
 * The eval report as Markdown, for a pull request comment or a file beside the JSON: the headline,
 * the metrics at the review threshold, the same by category and by case, the precision/recall
 * curve with the review threshold's row marked, the feedback replay (with and without learnings),
 * and what each case held back and why.
 */
export function renderEvalReport(report: EvalReport): string {
  const failed = report.cases.filter((result) => result.error !== null).length;
  const { metrics, usage } = report;
  const lines = [
    '# Sift eval',
    '',
    `Model \`${report.model}\` · ${report.passes} ${report.passes === 1 ? 'pass' : 'passes'} · threshold ${number(report.threshold)} · ${report.cases.length} ${report.cases.length === 1 ? 'case' : 'cases'}${failed > 0 ? ` (${failed} failed)` : ''}`,
    '',
    '## Metrics',
    '',
    '| metric | value |',
    '|---|---:|',
    `| precision | ${ratio(metrics.precision)} |`,
    `| recall | ${ratio(metrics.recall)} |`,
    `| F1 | ${ratio(metrics.f1)} |`,
    `| F0.5 | ${ratio(metrics.f05)} |`,
    `| comments per PR | ${ratio(metrics.commentsPerPr)} |`,
    `| true positives | ${metrics.truePositives} |`,
    `| false positives | ${metrics.falsePositives} |`,
    `| false negatives | ${metrics.falseNegatives} |`,
    `| tokens used | ${count(usage.promptTokens)} prompt (${count(usage.cachedPromptTokens)} cached) + ${count(usage.completionTokens)} completion in ${count(usage.attempts)} ${usage.attempts === 1 ? 'call' : 'calls'}${usage.failedCalls > 0 ? ` (${count(usage.failedCalls)} failed)` : ''} |`,
    '',
    '## By category',
    '',
    '| category | precision | recall | F1 | F0.5 | TP | FP | FN |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(report.perCategory).map(
      ([category, slice]) => `| ${cell(category)} | ${scores(slice)} |`,
    ),
    '',
    '## By case',
    '',
    '| case | kind | expected | posted | matched | error |',
    '|---|---|---:|---:|---:|---|',
    ...report.cases.map(
      (result) =>
        `| ${cell(result.id)} | ${result.kind} | ${result.expected} | ${result.posted} | ${result.matched} | ${result.error === null ? '' : cell(result.error)} |`,
    ),
    '',
    '## Precision and recall by threshold',
    '',
    '| threshold | precision | recall | F1 | F0.5 | comments per PR |',
    '|---:|---:|---:|---:|---:|---:|',
    ...report.curve.map((point) => {
      const threshold =
        point.threshold === report.threshold ? `**${number(point.threshold)}** ◀` : number(point.threshold);
      return `| ${threshold} | ${ratio(point.precision)} | ${ratio(point.recall)} | ${ratio(point.f1)} | ${ratio(point.f05)} | ${ratio(point.commentsPerPr)} |`;
    }),
    '',
    ...renderFeedbackReplay(report),
    '',
    ...renderHeldBack(report.cases),
  ];
  return `${lines.join('\n')}\n`;
}

function scores(metrics: Metrics): string {
  return [
    ratio(metrics.precision),
    ratio(metrics.recall),
    ratio(metrics.f1),
    ratio(metrics.f05),
    metrics.truePositives,
    metrics.falsePositives,
    metrics.falseNegatives,
  ].join(' | ');
}

/** Rounded to 3 decimals; `n/a` where the ratio is undefined (nothing posted, nothing expected). */
function ratio(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

/** A threshold as written in the config: 0.7, 0.05. */
function number(value: number): string {
  return String(Number(value.toFixed(3)));
}

function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Keeps a table row one row: an error message may hold pipes and newlines. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
