import { z } from 'zod';
import { CATEGORIES } from '../config/repo-config-schema.js';

/** A defect a good reviewer must report, as `case.json` labels it (lines of the head version). */
export const expectedFindingSchema = z.object({
  path: z.string().min(1),
  side: z.enum(['right', 'left']).default('right'),
  start_line: z.number().int().positive(),
  end_line: z.number().int().positive(),
  category: z.enum(CATEGORIES),
  severity: z.enum(['critical', 'major', 'minor']),
  note: z.string(),
  in_diff: z.boolean().default(true),
});

/** Code in other files that reveals a cross-file defect. */
export const neededContextSchema = z.object({
  path: z.string().min(1),
  symbol: z.string(),
  start_line: z.number().int().positive(),
  end_line: z.number().int().positive(),
});

/**
 * A finding Sift posted on an earlier pull request of the case's repository, and what the team did
 * with it: the feedback the replay (replayFeedback) learns from before it scores the case.
 */
export const earlierFindingSchema = z.object({
  path: z.string().min(1),
  category: z.enum(CATEGORIES),
  title: z.string().min(1),
  body: z.string().default(''),
  /** The lines it pointed at. */
  code: z.array(z.string()).min(1),
  fate: z.enum(['dismissed', 'fixed']),
  /** Who dismissed it: a reviewer with write access, or the pull request's author with write access. */
  by: z.enum(['reviewer', 'author-writer']).default('reviewer'),
});

/** `case.json` of a labelled pull request, in the format of ../shared/eval (extra keys are kept out). */
export const evalCaseSchema = z.object({
  id: z.string().min(1),
  language: z.string().default('unknown'),
  kind: z.enum(['single-file', 'cross-file', 'clean']),
  title: z.string(),
  description: z.string().default(''),
  base_ref: z.string().default('base'),
  head_ref: z.string().default('head'),
  expected: z.array(expectedFindingSchema),
  needed_context: z.array(neededContextSchema).default([]),
  /** The repository the case's pull request belongs to; by default the package in its id (`<language>__<package>__<slug>`). */
  repository: z.string().min(1).optional(),
  earlier_findings: z.array(earlierFindingSchema).default([]),
});

export type EvalCase = z.output<typeof evalCaseSchema>;
export type ExpectedFinding = z.output<typeof expectedFindingSchema>;
export type EarlierFinding = z.output<typeof earlierFindingSchema>;

/** The repository a case belongs to: the cases of one repository are replayed in order. */
export function repositoryOfCase(evalCase: Pick<EvalCase, 'id' | 'repository'>): string {
  return evalCase.repository ?? evalCase.id.split('__')[1] ?? evalCase.id;
}
