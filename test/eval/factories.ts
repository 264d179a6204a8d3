import type { EvalCase, ExpectedFinding } from '../../src/eval/eval-case.js';
import type { CaseResult } from '../../src/eval/eval-types.js';
import { NO_USAGE } from '../../src/llm/usage.js';
import type { Candidate, CandidateOutcome, Finding } from '../../src/review/types.js';

/** A posted-looking finding on line 10 of src/stock.ts; override what the test is about. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  const base: Finding = {
    pass: 'correctness',
    category: 'bug',
    severity: 'major',
    title: 'A problem',
    body: 'It fails for some input.',
    evidence: [],
    suggestion: null,
    path: 'src/stock.ts',
    side: 'RIGHT',
    startLine: 10,
    endLine: 10,
    withinOneHunk: true,
    code: ['  doSomething();'],
    symbol: null,
    fingerprint: '',
    confidence: 0.8,
    votes: 3,
    verdict: 'confirmed',
  };
  const built = { ...base, ...overrides };
  // Distinct findings get distinct fingerprints unless the test says otherwise.
  return {
    ...built,
    fingerprint: overrides.fingerprint ?? `${built.path}:${built.startLine}:${built.title}`,
  };
}

export function candidate(overrides: Partial<Finding> = {}, outcome: CandidateOutcome = 'posted'): Candidate {
  const built = finding(overrides);
  return { finding: built, passes: ['correctness'], verifierReason: 'scripted', outcome };
}

export function expectedFinding(overrides: Partial<ExpectedFinding> = {}): ExpectedFinding {
  return {
    path: 'src/stock.ts',
    side: 'right',
    start_line: 10,
    end_line: 10,
    category: 'bug',
    severity: 'major',
    note: 'The stock count goes negative.',
    in_diff: true,
    ...overrides,
  };
}

export function evalCase(id: string, expected: readonly ExpectedFinding[] = []): EvalCase {
  return {
    id,
    language: 'typescript',
    kind: expected.length === 0 ? 'clean' : 'single-file',
    title: id,
    description: '',
    base_ref: 'base',
    head_ref: 'head',
    expected: [...expected],
    needed_context: [],
    earlier_findings: [],
  };
}

export function caseResult(
  id: string,
  expected: readonly ExpectedFinding[],
  candidates: readonly Candidate[],
  overrides: Partial<Omit<CaseResult, 'case' | 'candidates'>> = {},
): CaseResult {
  return {
    case: evalCase(id, expected),
    candidates,
    maxComments: 5,
    usage: NO_USAGE,
    durationMs: 1000,
    error: null,
    ...overrides,
  };
}
