import type { Finding } from '../review/types.js';
import type { ExpectedFinding } from './eval-case.js';
import type { CaseResult, Match, Metrics } from './eval-types.js';
import { matchFindings } from './match-findings.js';
import { selectAtThreshold } from './select-at-threshold.js';

/** Tallies for one slice of the results (all of them, or one category). */
interface Tally {
  expected: number;
  matchedExpected: number;
  posted: number;
  matchedPosted: number;
}

/**
 * Precision, recall and comment volume over all cases at `threshold`, overall and by category.
 * A case that failed posts nothing and misses everything it expected. By category, recall counts
 * the expected findings of that category and precision the posted findings of it, so a `bug`
 * reported as an `api-contract` credits bug recall and api-contract precision; the category's
 * truePositives are its matched expected findings. Nothing is rounded.
 */
export function computeMetrics(
  results: readonly CaseResult[],
  threshold: number,
): {
  metrics: Metrics;
  perCategory: Record<string, Metrics>;
  /** What each case would have posted at `threshold`. */
  postedByCase: Map<string, Finding[]>;
  matchesByCase: Map<string, Match[]>;
} {
  const total = emptyTally();
  const byCategory = new Map<string, Tally>();
  const tallyOf = (category: string): Tally => {
    const tally = byCategory.get(category) ?? emptyTally();
    byCategory.set(category, tally);
    return tally;
  };
  const postedByCase = new Map<string, Finding[]>();
  const matchesByCase = new Map<string, Match[]>();
  for (const result of results) {
    const posted =
      result.error === null ? selectAtThreshold(result.candidates, threshold, result.maxComments) : [];
    const matches = matchFindings(result.case.expected, posted);
    postedByCase.set(result.case.id, posted);
    matchesByCase.set(result.case.id, matches);
    const matchedExpected = new Set<ExpectedFinding>(matches.map((match) => match.expected));
    const matchedPosted = new Set<Finding>(matches.map((match) => match.finding));
    for (const expected of result.case.expected) {
      const hit = matchedExpected.has(expected) ? 1 : 0;
      for (const tally of [total, tallyOf(expected.category)]) {
        tally.expected += 1;
        tally.matchedExpected += hit;
      }
    }
    for (const finding of posted) {
      const hit = matchedPosted.has(finding) ? 1 : 0;
      for (const tally of [total, tallyOf(finding.category)]) {
        tally.posted += 1;
        tally.matchedPosted += hit;
      }
    }
  }
  const perCategory: Record<string, Metrics> = {};
  for (const category of [...byCategory.keys()].sort()) {
    perCategory[category] = metricsOf(byCategory.get(category) ?? emptyTally(), results.length);
  }
  return { metrics: metricsOf(total, results.length), perCategory, postedByCase, matchesByCase };
}

function emptyTally(): Tally {
  return { expected: 0, matchedExpected: 0, posted: 0, matchedPosted: 0 };
}

function metricsOf(tally: Tally, cases: number): Metrics {
  // Undefined, not 1: a run that posts nothing has not shown that its comments are right.
  const precision = tally.posted === 0 ? null : tally.matchedPosted / tally.posted;
  const recall = tally.expected === 0 ? null : tally.matchedExpected / tally.expected;
  return {
    truePositives: tally.matchedExpected,
    falsePositives: tally.posted - tally.matchedPosted,
    falseNegatives: tally.expected - tally.matchedExpected,
    precision,
    recall,
    f1: fScore(precision, recall, 1),
    f05: fScore(precision, recall, 0.5),
    commentsPerPr: cases === 0 ? 0 : tally.posted / cases,
  };
}

/** F-beta: beta < 1 weighs precision more. Undefined when either ratio is. */
function fScore(precision: number | null, recall: number | null, beta: number): number | null {
  if (precision === null || recall === null) return null;
  const weighted = beta * beta * precision + recall;
  return weighted === 0 ? 0 : ((1 + beta * beta) * precision * recall) / weighted;
}
