import { z } from 'zod';
import type { Convention, FeedbackSignal, FindingTraits } from '../review/learnings/learning-types.js';

/**
 * How the stores write learnings as JSON and read them back. What another process or an older
 * Sift wrote may be anything; a record that does not parse is left out rather than trusted.
 */
export const findingTraitsSchema: z.ZodType<FindingTraits> = z.object({
  fingerprint: z.string(),
  path: z.string(),
  category: z.string(),
  title: z.string(),
  claim: z.string(),
  symbolKind: z.string().nullable(),
  language: z.string().nullable(),
  pathPattern: z.string(),
  shape: z.string(),
});

export const feedbackSignalSchema: z.ZodType<FeedbackSignal> = z.object({
  pullNumber: z.number().int(),
  kind: z.enum(['thumbs-down', 'dismissed', 'disputed', 'thumbs-up', 'fixed']),
  by: z.string(),
  role: z.enum(['reviewer', 'author-writer', 'author']),
  at: z.number(),
  finding: findingTraitsSchema,
});

export const conventionSchema: z.ZodType<Convention> = z.object({
  id: z.string(),
  rule: z.string(),
  paths: z.array(z.string()),
  pullNumber: z.number().int(),
  commentId: z.number().int(),
  url: z.string().nullable(),
  by: z.string(),
  at: z.number(),
});

/** A signal's identity: the same feedback read again (at every review, at close) is one signal. */
export function signalKey(signal: FeedbackSignal): string {
  return [signal.pullNumber, signal.finding.fingerprint, signal.kind, signal.by].join('\0');
}

// Traits of posted findings wait here for feedback: a pull request open longer than half a year
// is rare, and by then nobody reacts to its findings.
export const POSTED_FINDINGS_TTL_MS = 180 * 24 * 60 * 60 * 1000;
