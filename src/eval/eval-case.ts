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
});

export type EvalCase = z.output<typeof evalCaseSchema>;
export type ExpectedFinding = z.output<typeof expectedFindingSchema>;
