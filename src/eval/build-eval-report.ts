import { addUsage } from '../llm/usage.js';
import type { Finding } from '../review/types.js';
import { computeCurve } from './compute-curve.js';
import { computeMetrics } from './compute-metrics.js';
import { repositoryOfCase } from './eval-case.js';
import type { CaseReport, CaseResult, EvalReport, LearningReport } from './eval-types.js';
import { replayFeedback } from './replay-feedback.js';

/**
 * The eval run's report: metrics at the review threshold, overall and by category, every case with
 * each candidate's fate and whether it matched an expected finding, and the precision/recall curve
 * (every 0.05, plus the review threshold when it falls between, so the curve always shows it),
 * and the same at the review threshold after the feedback replay (replayFeedback).
 */
export function buildEvalReport(
  results: readonly CaseResult[],
  options: { model: string; passes: number; threshold: number },
): EvalReport {
  const { metrics, perCategory, postedByCase, matchesByCase } = computeMetrics(results, options.threshold);
  const cases = results.map((result): CaseReport => {
    const matches = matchesByCase.get(result.case.id) ?? [];
    const matched = new Set<Finding>(matches.map((match) => match.finding));
    const posted = postedByCase.get(result.case.id) ?? [];
    return {
      id: result.case.id,
      kind: result.case.kind,
      expected: result.case.expected.length,
      posted: posted.length,
      matched: matches.length,
      error: result.error,
      candidates: result.candidates.map(({ finding, outcome, verifierReason }) => ({
        path: finding.path,
        startLine: finding.startLine,
        endLine: finding.endLine,
        category: finding.category,
        severity: finding.severity,
        title: finding.title,
        votes: finding.votes,
        verdict: finding.verdict,
        verifierReason,
        confidence: finding.confidence,
        outcome,
        matchesExpected: matched.has(finding),
      })),
    };
  });
  const curve = computeCurve(results);
  if (!curve.some((point) => point.threshold === options.threshold)) {
    curve.push(...computeCurve(results, [options.threshold]));
    curve.sort((a, b) => a.threshold - b.threshold);
  }
  return {
    model: options.model,
    passes: options.passes,
    threshold: options.threshold,
    cases,
    metrics,
    perCategory,
    curve,
    usage: addUsage(...results.map((result) => result.usage)),
    learning: learningReport(results, options.threshold, { postedByCase, matchesByCase }),
  };
}

/** Each case's figures with and without what the replay's feedback taught. */
function learningReport(
  results: readonly CaseResult[],
  threshold: number,
  without: Pick<ReturnType<typeof computeMetrics>, 'postedByCase' | 'matchesByCase'>,
): LearningReport {
  const replayed = replayFeedback(results, threshold);
  const learned = computeMetrics(replayed, threshold);
  return {
    metrics: learned.metrics,
    cases: replayed.map((result) => ({
      id: result.case.id,
      repository: repositoryOfCase(result.case),
      earlierFindings: result.case.earlier_findings.length,
      posted: {
        without: without.postedByCase.get(result.case.id)?.length ?? 0,
        with: learned.postedByCase.get(result.case.id)?.length ?? 0,
      },
      matched: {
        without: without.matchesByCase.get(result.case.id)?.length ?? 0,
        with: learned.matchesByCase.get(result.case.id)?.length ?? 0,
      },
      heldBack: result.candidates.filter((candidate) => candidate.outcome === 'similar-to-dismissed').length,
    })),
  };
}
