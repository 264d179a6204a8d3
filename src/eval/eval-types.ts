import type { ModelUsage } from '../llm/model-client.js';
import type { Candidate, Finding } from '../review/types.js';
import type { EvalCase, ExpectedFinding } from './eval-case.js';

/** What one case produced: every candidate before filtering, so any threshold can be scored afterwards. */
export interface CaseResult {
  readonly case: EvalCase;
  readonly candidates: readonly Candidate[];
  /** The maxComments the review ran with; selection at other thresholds respects it too. */
  readonly maxComments: number;
  readonly usage: ModelUsage;
  readonly durationMs: number;
  /** Set when the case could not be reviewed (the model failed, the bundle is broken). */
  readonly error: string | null;
}

/** One expected finding paired with the posted finding that reports it. */
export interface Match {
  readonly expected: ExpectedFinding;
  readonly finding: Finding;
}

export interface Counts {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

/**
 * Ratios are null where they are undefined — precision when nothing was posted, recall when
 * nothing was expected, an F score when either is — rather than a perfect 1 that a reader would
 * take for a result.
 */
export interface Metrics extends Counts {
  /** TP / (TP + FP); null when nothing was posted. */
  readonly precision: number | null;
  /** TP / (TP + FN); null when nothing was expected. */
  readonly recall: number | null;
  readonly f1: number | null;
  /** Weighs precision twice as much as recall: Sift's promise is signal, not noise. */
  readonly f05: number | null;
  readonly commentsPerPr: number;
}

export interface CurvePoint {
  readonly threshold: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  readonly f05: number | null;
  readonly commentsPerPr: number;
}

export interface EvalReport {
  readonly model: string;
  readonly passes: number;
  readonly threshold: number;
  readonly cases: readonly CaseReport[];
  readonly metrics: Metrics;
  /** By category: expected findings of that category (recall) and posted findings of it (precision). */
  readonly perCategory: Readonly<Record<string, Metrics>>;
  readonly curve: readonly CurvePoint[];
  readonly usage: ModelUsage;
  /** The same answers scored after the feedback replay (replayFeedback): what learnings change. */
  readonly learning: LearningReport;
}

export interface LearningReport {
  /** At the review threshold, with learnings; `metrics` above is without. */
  readonly metrics: Metrics;
  /** Every case, with and without learnings. */
  readonly cases: ReadonlyArray<{
    readonly id: string;
    readonly repository: string;
    /** Findings of earlier pull requests the case carries. */
    readonly earlierFindings: number;
    readonly posted: { readonly without: number; readonly with: number };
    readonly matched: { readonly without: number; readonly with: number };
    /** Candidates held back as similar to dismissed findings. */
    readonly heldBack: number;
  }>;
}

export interface CaseReport {
  readonly id: string;
  readonly kind: EvalCase['kind'];
  readonly expected: number;
  readonly posted: number;
  readonly matched: number;
  readonly error: string | null;
  /** Every candidate with the facts that decided it, and whether it matched an expected finding. */
  readonly candidates: ReadonlyArray<{
    readonly path: string;
    readonly startLine: number;
    readonly endLine: number;
    readonly category: string;
    readonly severity: string;
    readonly title: string;
    readonly votes: number;
    readonly verdict: string;
    /** What the verifier said of it; why a rejected finding was held back. */
    readonly verifierReason: string;
    readonly confidence: number;
    readonly outcome: string;
    readonly matchesExpected: boolean;
  }>;
}
