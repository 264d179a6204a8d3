import { describe, expect, it } from 'vitest';
import {
  findingMarker,
  readFindingMarker,
  readReviewMarker,
  reviewMarker,
} from '../../src/github/review-markers.js';

const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const FINGERPRINT = '3f9a1c7e2b4d6a80';

describe('review markers', () => {
  it('render as HTML comments, which GitHub does not display', () => {
    expect(reviewMarker({ head: '60c8b97' })).toBe('<!-- sift:review {"head":"60c8b97"} -->');
    expect(findingMarker({ fingerprint: FINGERPRINT, span: 'abcdef0123456789', lines: 2 })).toBe(
      '<!-- sift:finding {"fingerprint":"3f9a1c7e2b4d6a80","span":"abcdef0123456789","lines":2} -->',
    );
  });

  it('a review marker is read from the first line of a review body', () => {
    expect(readReviewMarker(`${reviewMarker({ head: HEAD })}\nSift reviewed 3 files.`)).toEqual({
      head: HEAD,
    });
    expect(readReviewMarker(`Sift reviewed 3 files.\n${reviewMarker({ head: HEAD })}`)).toBeNull();
  });

  it('a finding marker is read from the last line of a comment, trailing blank lines or CRLF aside', () => {
    const marker = findingMarker({
      fingerprint: FINGERPRINT,
      span: 'abcdef0123456789',
      lines: 1,
      category: 'bug',
    });
    expect(readFindingMarker(`**Title**\r\n\r\nBody\r\n\r\n${marker}\r\n`)).toEqual({
      fingerprint: FINGERPRINT,
      span: 'abcdef0123456789',
      lines: 1,
      category: 'bug',
    });
  });

  it.each([
    [
      'a marker inside a code block, not on the last line',
      `\`\`\`\n${findingMarker({ fingerprint: FINGERPRINT })}\n\`\`\`\nSee above.`,
    ],
    ['malformed JSON', '<!-- sift:finding {"fingerprint": } -->'],
    ['a fingerprint that is not hex', '<!-- sift:finding {"fingerprint":"../../etc"} -->'],
    ['a marker of another kind', reviewMarker({ head: HEAD })],
    ['text after the marker on its line', `${findingMarker({ fingerprint: FINGERPRINT })} and more`],
  ])('%s › not trusted', (_, body) => {
    expect(readFindingMarker(body)).toBeNull();
  });

  it('a finding marker with every field › each read back as written', () => {
    const marker = {
      fingerprint: FINGERPRINT,
      span: 'abcdef0123456789',
      lines: 3,
      category: 'api-contract',
      severity: 'critical' as const,
      side: 'LEFT' as const,
      head: HEAD,
    };
    expect(readFindingMarker(`**Title**\n\nBody\n\n${findingMarker(marker)}`)).toEqual(marker);
  });

  it.each([
    ['a side other than LEFT or RIGHT', { side: 'BOTH' }],
    ['a head that is not a commit id', { head: 'main' }],
    ['a head shorter than 7 characters', { head: '60c8b9' }],
    ['a category longer than 40 characters', { category: 'x'.repeat(41) }],
    ['a severity Sift does not give', { severity: 'blocker' }],
    ['a line count of 0', { lines: 0 }],
    ['a line count past 10 000', { lines: 10_001 }],
    ['a span that is not hex', { span: 'not-a-hash-at-all' }],
  ])('a finding marker with %s › not trusted', (_, field) => {
    const body = `**Title**\n\n<!-- sift:finding ${JSON.stringify({ fingerprint: FINGERPRINT, ...field })} -->`;
    expect(readFindingMarker(body)).toBeNull();
  });

  it('a review marker with a head that is not a commit id › not trusted', () => {
    expect(readReviewMarker('<!-- sift:review {"head":"main; rm -rf"} -->')).toBeNull();
  });
});
