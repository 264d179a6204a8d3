import { buildLineMap, hunkOfLine } from '../../diff/build-line-map.js';
import type { LocatedFinding, ProposedFinding, ReviewFile } from '../types.js';
import { describeEvidence } from './describe-evidence.js';
import { parseLineId } from './line-id.js';

export interface LocateResult {
  readonly located: readonly LocatedFinding[];
  /** Proposals whose ids are not lines of the diff: dropped, never guessed onto a nearby line. */
  readonly rejected: readonly ProposedFinding[];
}

/**
 * Resolves the line ids of proposed findings to a file, side and line range. The start id must
 * exist in the diff shown to the model; an end id that does not (or names another file or side)
 * shrinks the range to the start line. The range may span hunks (it is then posted in the summary,
 * since GitHub accepts a multi-line comment only within one).
 */
export function locateFindings(
  proposals: readonly ProposedFinding[],
  files: readonly ReviewFile[],
): LocateResult {
  const byId = new Map(files.map((file) => [file.id, { file, lines: buildLineMap(file.file) }]));
  const located: LocatedFinding[] = [];
  const rejected: ProposedFinding[] = [];
  for (const proposal of proposals) {
    const start = parseLineId(proposal.startLineId);
    const target = start ? byId.get(start.fileId) : undefined;
    const startHunk = start && target ? hunkOfLine(target.lines, start.side, start.line) : undefined;
    if (!start || !target || startHunk === undefined) {
      rejected.push(proposal);
      continue;
    }
    // An end the diff does not have (another file or side, a line outside the diff) leaves the
    // finding on its start line: that line is one the model did see, so nothing is guessed.
    const end = parseLineId(proposal.endLineId);
    const endHunk =
      end && end.fileId === start.fileId && end.side === start.side
        ? hunkOfLine(target.lines, start.side, end.line)
        : undefined;
    const [first, last] =
      end && endHunk !== undefined
        ? [Math.min(start.line, end.line), Math.max(start.line, end.line)]
        : [start.line, start.line];
    const { startLineId: _start, endLineId: _end, ...rest } = proposal;
    located.push({
      ...rest,
      evidence: proposal.evidence.map((item) => describeEvidence(item, files)),
      path: target.file.file.path,
      side: start.side,
      startLine: first,
      endLine: last,
      withinOneHunk: endHunk === undefined || startHunk === endHunk,
      code: codeBetween(target.file, start.side, first, last),
      symbol: null,
    });
  }
  return { located, rejected };
}

function codeBetween(file: ReviewFile, side: 'LEFT' | 'RIGHT', first: number, last: number): string[] {
  const code: string[] = [];
  for (const hunk of file.file.hunks) {
    for (const line of hunk.lines) {
      const number = side === 'RIGHT' ? line.newLine : line.oldLine;
      if (number !== null && number >= first && number <= last) code.push(line.text);
    }
  }
  return code;
}
