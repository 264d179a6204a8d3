import { z } from 'zod';
import { CATEGORIES } from '../../config/repo-config-schema.js';

/**
 * The shape every review pass answers in. Sent to the model as a strict JSON schema, so every
 * property is required (optional values are nullable) and each carries the description the model
 * reads; semantic checks (does this line id exist?) happen in the anchor stage, not here.
 */
export const reviewAnswerSchema = z.object({
  findings: z
    .array(
      z.object({
        startLineId: z
          .string()
          .describe('Id of the first diff line the problem is on, exactly as shown, e.g. "F2:R41".'),
        endLineId: z
          .string()
          .describe(
            'Id of the last line of the problem, in the same file and hunk; equal to startLineId for one line.',
          ),
        category: z.enum(CATEGORIES).describe('The kind of problem.'),
        severity: z
          .enum(['critical', 'major', 'minor'])
          .describe(
            'critical: data loss, security hole or outage; major: wrong behaviour users will hit; minor: the rest.',
          ),
        title: z
          .string()
          .describe('The claim in one line of at most 90 characters, e.g. "Deleted files are never closed".'),
        body: z
          .string()
          .describe(
            'Two to five sentences: what fails, for which input or state, and why. Plain Markdown, no headings.',
          ),
        evidence: z
          .array(z.string())
          .describe('Line ids ("F1:R12") or context citations ("path:120-131") that show the problem.'),
        suggestion: z
          .string()
          .nullable()
          .describe(
            'Replacement text for the lines startLineId..endLineId of the new version (R ids only), with their exact indentation; null unless the fix is small and certain.',
          ),
      }),
    )
    .describe('The problems found; an empty list when the change has none worth a comment.'),
});

export type ReviewAnswer = z.output<typeof reviewAnswerSchema>;
