import type { Side } from '../../diff/types.js';

/** A diff line as the model names it: `F2:R41` is head line 41 of file F2, `F2:L40` base line 40. */
export interface LineId {
  readonly fileId: string;
  readonly side: Side;
  readonly line: number;
}

const LINE_ID = /^\s*(F\d+):([LR])(\d+)\s*$/;

export function formatLineId(fileId: string, side: Side, line: number): string {
  return `${fileId}:${side === 'RIGHT' ? 'R' : 'L'}${line}`;
}

/** Parses a line id; null when the text is not one (the model wrote a path, a number, prose). */
export function parseLineId(text: string): LineId | null {
  const match = LINE_ID.exec(text);
  if (!match?.[1] || !match[3]) return null;
  return { fileId: match[1], side: match[2] === 'R' ? 'RIGHT' : 'LEFT', line: Number(match[3]) };
}
