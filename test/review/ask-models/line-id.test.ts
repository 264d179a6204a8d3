import { describe, expect, it } from 'vitest';
import { formatLineId, parseLineId } from '../../../src/review/ask-models/line-id.js';

describe('formatLineId', () => {
  it.each([
    { fileId: 'F2', side: 'RIGHT' as const, line: 41, id: 'F2:R41' },
    { fileId: 'F2', side: 'LEFT' as const, line: 40, id: 'F2:L40' },
    { fileId: 'F12', side: 'RIGHT' as const, line: 1, id: 'F12:R1' },
  ])('$fileId $side $line › $id', ({ fileId, side, line, id }) => {
    expect(formatLineId(fileId, side, line)).toBe(id);
    expect(parseLineId(id)).toEqual({ fileId, side, line });
  });
});

describe('parseLineId', () => {
  it.each([
    { text: 'F2:R41', parsed: { fileId: 'F2', side: 'RIGHT', line: 41 } },
    { text: 'F1:L7', parsed: { fileId: 'F1', side: 'LEFT', line: 7 } },
    { text: '  F3:R120\n', parsed: { fileId: 'F3', side: 'RIGHT', line: 120 } },
    { text: 'F1:R007', parsed: { fileId: 'F1', side: 'RIGHT', line: 7 } },
  ])('an id as shown in the diff ($text) › parsed', ({ text, parsed }) => {
    expect(parseLineId(text)).toEqual(parsed);
  });

  it.each([
    { text: '', why: 'empty' },
    { text: 'src/a.ts:6', why: 'a path and line' },
    { text: 'R6', why: 'no file id' },
    { text: 'F1:6', why: 'no side' },
    { text: 'F1:R', why: 'no line' },
    { text: 'f1:r6', why: 'lower case' },
    { text: 'F1:R6-8', why: 'a range' },
    { text: 'F1:R6, F1:R7', why: 'two ids' },
    { text: 'F1 R6', why: 'no colon' },
    { text: 'line F1:R6', why: 'prose around it' },
    { text: 'F1:X6', why: 'an unknown side' },
    { text: 'F1:R-6', why: 'a negative line' },
  ])('$why ($text) › null', ({ text }) => {
    expect(parseLineId(text)).toBeNull();
  });
});
