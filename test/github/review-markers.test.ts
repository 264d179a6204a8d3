import { describe, expect, it } from 'vitest';
import { findingMarker, readMarkers, reviewMarker } from '../../src/github/review-markers.js';

describe('review markers', () => {
  it('render as HTML comments, which GitHub does not display', () => {
    expect(reviewMarker({ head: '60c8b97' })).toBe('<!-- sift:review {"head":"60c8b97"} -->');
    expect(findingMarker({ fingerprint: '3f9a1c7e' })).toBe(
      '<!-- sift:finding {"fingerprint":"3f9a1c7e"} -->',
    );
  });

  describe('round trip', () => {
    it('reads back every marker written into a posted body, in order', () => {
      const body = [
        reviewMarker({ head: '60c8b975d5898e70e1416c00031e7c02f2365bdb' }),
        'Sift reviewed 3 files and found 2 issues worth your attention.',
        '',
        '**A finding** <sub>bug · major</sub>',
        findingMarker({ fingerprint: 'aaaa1111' }),
        '',
        '**Another finding** <sub>security · critical</sub>',
        findingMarker({ fingerprint: 'bbbb2222' }),
      ].join('\n');
      expect(readMarkers(body)).toEqual({
        reviews: [{ head: '60c8b975d5898e70e1416c00031e7c02f2365bdb' }],
        findings: [{ fingerprint: 'aaaa1111' }, { fingerprint: 'bbbb2222' }],
      });
    });

    it.each([
      ['quotes and backslashes', 'he said "hi" \\o/'],
      ['a closing brace', 'a}b'],
      ['non-ASCII', 'ünïcödé ✓'],
    ])('survives a value with %s', (_, fingerprint) => {
      expect(readMarkers(findingMarker({ fingerprint })).findings).toEqual([{ fingerprint }]);
    });

    it('survives GitHub turning line endings into CRLF', () => {
      const body = `${reviewMarker({ head: 'abc' })}\r\nText\r\n${findingMarker({ fingerprint: 'f1' })}\r\n`;
      expect(readMarkers(body)).toEqual({ reviews: [{ head: 'abc' }], findings: [{ fingerprint: 'f1' }] });
    });
  });

  describe('malformed markers are ignored, never trusted', () => {
    it.each([
      ['JSON that does not parse', '<!-- sift:finding {fingerprint: f1} -->'],
      ['a truncated object', '<!-- sift:review {"head":"abc" -->'],
      ['the wrong field', '<!-- sift:finding {"head":"abc"} -->'],
      ['a field of the wrong type', '<!-- sift:finding {"fingerprint":42} -->'],
      ['a null value', '<!-- sift:review {"head":null} -->'],
      ['an unknown kind', '<!-- sift:verdict {"fingerprint":"f1"} -->'],
      ['a marker split across lines', '<!-- sift:finding {"fingerprint":\n"f1"} -->'],
      ['no space before the closing', '<!-- sift:finding {"fingerprint":"f1"}-->'],
      ['escaped by the sanitiser', '&lt;!-- sift:finding {"fingerprint":"f1"} -->'],
    ])('%s › nothing read', (_, body) => {
      expect(readMarkers(body)).toEqual({ reviews: [], findings: [] });
    });

    it('a malformed marker beside a valid one › only the valid one is read', () => {
      const body = `<!-- sift:finding {oops} -->\n${findingMarker({ fingerprint: 'f2' })}`;
      expect(readMarkers(body).findings).toEqual([{ fingerprint: 'f2' }]);
    });

    it('extra fields › dropped, so only the known shape is returned', () => {
      expect(readMarkers('<!-- sift:review {"head":"abc","admin":true} -->').reviews).toEqual([
        { head: 'abc' },
      ]);
    });
  });

  it('a body without markers (a person’s comment) › nothing', () => {
    expect(readMarkers('LGTM, thanks @octocat! <!-- a note -->')).toEqual({ reviews: [], findings: [] });
  });
});
