import { z } from 'zod';
import type { FindingMarker } from '../review/types.js';

/**
 * Hidden markers Sift leaves in what it posts, so a later run can tell what it already said: an
 * HTML comment GitHub does not render, holding a small JSON object. A marker is trusted only where
 * Sift itself puts it — the first line of a review, the last line of a comment — because model
 * text inside a comment (a code block, say) could contain something that looks like one.
 */
const REVIEW_MARKER = /^<!-- sift:review (\{.*\}) -->$/;
const FINDING_MARKER = /^<!-- sift:finding (\{.*\}) -->$/;
const NOTICE_MARKER = /^<!-- sift:notice (\{.*\}) -->$/;

const reviewMarkerSchema = z.object({
  head: z.string().regex(/^[0-9a-f]{7,40}$/),
  /** The job that posted the review: a job that runs twice (a stalled worker) finds its own review. */
  job: z
    .string()
    .regex(/^[\w.:@#/-]{1,200}$/)
    .optional(),
});
const findingMarkerSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{8,64}$/),
  /** Hash of the normalised code the finding pointed at, and its line count: to tell when it changed. */
  span: z
    .string()
    .regex(/^[0-9a-f]{8,64}$/)
    .optional(),
  lines: z.number().int().positive().max(10_000).optional(),
  category: z.string().max(40).optional(),
  /** How serious the finding was: a later run (the Action's `fail-on`) counts what is still open. */
  severity: z.enum(['critical', 'major', 'minor']).optional(),
  side: z.enum(['RIGHT', 'LEFT']).optional(),
  head: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/)
    .optional(),
});

const noticeMarkerSchema = z.object({ key: z.string().regex(/^[a-z0-9-]{1,40}$/) });

export type ReviewMarker = z.output<typeof reviewMarkerSchema>;
export type NoticeMarker = z.output<typeof noticeMarkerSchema>;

export function reviewMarker(marker: ReviewMarker): string {
  return `<!-- sift:review ${JSON.stringify(marker)} -->`;
}

export function findingMarker(marker: FindingMarker): string {
  return `<!-- sift:finding ${JSON.stringify(marker)} -->`;
}

/** The first line of a conversation comment that Sift says at most once per pull request. */
export function noticeMarker(marker: NoticeMarker): string {
  return `<!-- sift:notice ${JSON.stringify(marker)} -->`;
}

/** Text Sift posted with its hidden markers taken out: what people (and the model) read. */
export function withoutMarkers(body: string): string {
  return body.replace(/<!-- sift:[^\n]*-->/g, '').trim();
}

/** The marker on the first line of a review body Sift posted, or null. */
export function readReviewMarker(body: string): ReviewMarker | null {
  return parseMarker(body.split('\n', 1)[0] ?? '', REVIEW_MARKER, reviewMarkerSchema);
}

/** The marker on the last line of a comment Sift posted, or null. */
export function readFindingMarker(body: string): FindingMarker | null {
  return parseMarker(body.trimEnd().split('\n').at(-1) ?? '', FINDING_MARKER, findingMarkerSchema);
}

/** The marker on the first line of a conversation comment Sift posted, or null. */
export function readNoticeMarker(body: string): NoticeMarker | null {
  return parseMarker(body.split('\n', 1)[0] ?? '', NOTICE_MARKER, noticeMarkerSchema);
}

function parseMarker<T>(line: string, pattern: RegExp, schema: z.ZodType<T>): T | null {
  const json = pattern.exec(line.trim())?.[1];
  if (!json) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
