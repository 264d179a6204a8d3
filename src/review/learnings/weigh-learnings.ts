import type { Calibration } from './calibrate-thresholds.js';
import type { JudgedFinding } from './judge-findings.js';
import type { Convention, FindingTraits } from './learning-types.js';
import { resembles } from './resembles.js';

/** What a review knows of its repository's past feedback (reviewLearnings builds it). */
export interface ReviewLearnings {
  /** Findings people judged either way, newest first. */
  readonly judged: readonly JudgedFinding[];
  /** The categories whose outcomes moved their threshold, or did not yet. */
  readonly calibrations: readonly Calibration[];
  /** Conventions the team stated, for the review's instructions. */
  readonly conventions: readonly Convention[];
}

// Evidence that holds a finding back outright: one reviewer's dismissal of a finding like it, or
// two by authors (judgeFindings weighs them).
export const HOLD_BACK_AT = 1;
// Below that, confidence drops by up to this, in proportion to the evidence.
export const MAX_LOWERING = 0.15;

export interface LearningVerdict {
  /** Rejected findings it resembles, newest first. */
  readonly dismissedLike: readonly JudgedFinding[];
  /** Accepted findings it resembles: evidence that this kind of finding is wanted. */
  readonly acceptedLike: readonly JudgedFinding[];
  /** The verdicts against it less those for it. */
  readonly evidence: number;
  /** Whether the evidence holds it back whatever its confidence. */
  readonly held: boolean;
  /** Its confidence after the evidence (unchanged unless 0 < evidence < HOLD_BACK_AT). */
  readonly confidence: number;
}

/**
 * Weighs what the team did with findings like this one (resembles): the verdicts of the rejected
 * ones it resembles, less those of the accepted ones. At HOLD_BACK_AT or more it is held back; a
 * lesser weight lowers its confidence by MAX_LOWERING × the evidence, so a single author's
 * dismissal makes a borderline finding less likely to be posted without silencing a strong one.
 */
export function weighLearnings(
  traits: FindingTraits,
  confidence: number,
  judged: readonly JudgedFinding[],
): LearningVerdict {
  const like = judged.filter((item) => item.verdict !== 0 && resembles(traits, item.finding));
  const dismissedLike = like.filter((item) => item.verdict > 0);
  const acceptedLike = like.filter((item) => item.verdict < 0);
  const evidence = like.reduce((sum, item) => sum + item.verdict, 0);
  const held = evidence >= HOLD_BACK_AT;
  const lowered =
    evidence > 0 && !held ? Math.round((confidence - MAX_LOWERING * evidence) * 1000) / 1000 : confidence;
  return { dismissedLike, acceptedLike, evidence, held, confidence: Math.max(0, lowered) };
}

/** The threshold in effect for a category: its calibration, else the configured one. */
export function thresholdFor(
  learnings: ReviewLearnings | undefined,
  category: string,
  configured: number,
): number {
  return learnings?.calibrations.find((item) => item.category === category)?.threshold ?? configured;
}
