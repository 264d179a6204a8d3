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
 * Resolves the line ids of proposed findings to a file, side and line range. Both ids must exist
 * in the diff shown to the model and name the same file and side; the range may span hunks
 * (it is then posted in the summary, since GitHub accepts a multi-line comment only within one).
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
    const end = parseLineId(proposal.endLineId);
    const target = start ? byId.get(start.fileId) : undefined;
    if (!start || !end || !target || end.fileId !== start.fileId || end.side !== start.side) {
      rejected.push(proposal);
      continue;
    }
    const [first, last] = start.line <= end.line ? [start.line, end.line] : [end.line, start.line];
    const firstHunk = hunkOfLine(target.lines, start.side, first);
    const lastHunk = hunkOfLine(target.lines, start.side, last);
    if (firstHunk === undefined || lastHunk === undefined) {
      rejected.push(proposal);
      continue;
    }
    const { startLineId: _start, endLineId: _end, ...rest } = proposal;
    located.push({
      ...rest,
      evidence: proposal.evidence.map((item) => describeEvidence(item, files)),
      path: target.file.file.path,
      side: start.side,
      startLine: first,
      endLine: last,
      withinOneHunk: firstHunk === lastHunk,
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
