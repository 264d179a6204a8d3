import { FILTER_LABELS } from '../review/render/filter-labels.js';
import type { CandidateOutcome } from '../review/types.js';
import type { CaseReport } from './eval-types.js';

/**
 * The eval report's "held back" section: for each case, every finding the review kept to itself
 * and why — below the threshold (with its confidence and what the verifier thought), rejected by
 * the verifier (with its reason), or over maxComments. A missed defect is often one of these, and
 * the reason says which stage to look at.
 */
export function renderHeldBack(cases: readonly CaseReport[]): string[] {
  const lines = ['## Held back, by case', ''];
  for (const result of cases) {
    const held = result.candidates.filter((candidate) => candidate.outcome !== 'posted');
    if (held.length === 0) continue;
    lines.push(`### ${result.id}`, '');
    lines.push(...held.map((candidate) => `- ${describeCandidate(candidate)}`), '');
  }
  if (lines.length === 2) lines.push('Nothing was held back.', '');
  return lines.slice(0, -1);
}

function describeCandidate(candidate: CaseReport['candidates'][number]): string {
  const lines =
    candidate.startLine === candidate.endLine
      ? `${candidate.startLine}`
      : `${candidate.startLine}-${candidate.endLine}`;
  const outcome = candidate.outcome as Exclude<CandidateOutcome, 'posted'>;
  const verifier = candidate.verdict === 'unverified' ? '' : oneLine(candidate.verifierReason);
  let reason: string = FILTER_LABELS[outcome] ?? outcome;
  if (outcome === 'rejected-by-verifier' && verifier) reason += `: ${verifier}`;
  if (outcome === 'below-threshold') {
    reason += ` (confidence ${candidate.confidence.toFixed(2)}${verifier ? `; verifier: ${verifier}` : ''})`;
  }
  return `\`${candidate.path}:${lines}\` ${oneLine(candidate.title)} — ${reason}`;
}

/** Model text on one line, so it stays one list item. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
