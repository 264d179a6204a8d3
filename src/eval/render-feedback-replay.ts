import type { EvalReport, Metrics } from './eval-types.js';

/**
 * The eval report's feedback-replay section: precision and recall at the review threshold without
 * and with learnings, then the cases that carry earlier findings or whose posted findings changed.
 */
export function renderFeedbackReplay(report: Pick<EvalReport, 'metrics' | 'learning'>): string[] {
  const row = (label: string, metrics: Metrics) =>
    `| ${label} | ${ratio(metrics.precision)} | ${ratio(metrics.recall)} | ${ratio(metrics.f05)} | ${metrics.truePositives} | ${metrics.falsePositives} | ${metrics.falseNegatives} | ${ratio(metrics.commentsPerPr)} |`;
  const changed = report.learning.cases.filter(
    (item) =>
      item.earlierFindings > 0 ||
      item.heldBack > 0 ||
      item.posted.with !== item.posted.without ||
      item.matched.with !== item.matched.without,
  );
  return [
    '## Feedback replay',
    '',
    "Each repository's cases, in order, as its successive pull requests: before a case is scored, Sift learns from the earlier findings it carries and from the repository's earlier cases (what they posted is fixed when it matches a labelled defect, dismissed by a reviewer otherwise). The model's answers are the same; only what was learned differs.",
    '',
    '| | precision | recall | F0.5 | true positives | false positives | false negatives | comments per PR |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row('without learnings', report.metrics),
    row('with learnings', report.learning.metrics),
    '',
    ...(changed.length === 0
      ? ['Learnings changed nothing on these cases.']
      : [
          '| case | repository | earlier findings | posted | matched | held back as similar to dismissed |',
          '|---|---|---:|---:|---:|---:|',
          ...changed.map(
            (item) =>
              `| ${cell(item.id)} | ${cell(item.repository)} | ${item.earlierFindings} | ${item.posted.without} → ${item.posted.with} | ${item.matched.without} → ${item.matched.with} | ${item.heldBack} |`,
          ),
        ]),
  ];
}

function ratio(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
