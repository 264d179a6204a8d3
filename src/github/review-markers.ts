/**
 * Hidden markers Sift leaves in what it posts, so a later run can tell what it already said:
 * an HTML comment GitHub does not render, holding a small JSON object.
 */
const MARKER = /<!-- sift:(review|finding) (\{[^\n]*?\}) -->/g;

export interface ReviewMarker {
  /** The head commit the review was made at. */
  readonly head: string;
}

export interface FindingMarker {
  readonly fingerprint: string;
}

export function reviewMarker(marker: ReviewMarker): string {
  return `<!-- sift:review ${JSON.stringify(marker)} -->`;
}

export function findingMarker(marker: FindingMarker): string {
  return `<!-- sift:finding ${JSON.stringify(marker)} -->`;
}

/** Reads the markers in a body posted by Sift; anything malformed is ignored, never trusted. */
export function readMarkers(body: string): { reviews: ReviewMarker[]; findings: FindingMarker[] } {
  const reviews: ReviewMarker[] = [];
  const findings: FindingMarker[] = [];
  for (const match of body.matchAll(MARKER)) {
    let value: unknown;
    try {
      value = JSON.parse(match[2] ?? '');
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    if (match[1] === 'review' && typeof record.head === 'string') reviews.push({ head: record.head });
    if (match[1] === 'finding' && typeof record.fingerprint === 'string')
      findings.push({ fingerprint: record.fingerprint });
  }
  return { reviews, findings };
}
