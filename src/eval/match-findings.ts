import { CATEGORY_FAMILY } from '../review/category-family.js';
import type { Finding } from '../review/types.js';
import type { ExpectedFinding } from './eval-case.js';
import type { Match } from './eval-types.js';
import { noteIdentifiers } from './note-identifiers.js';

// A reviewer may point at the condition or at the statement that uses it, a few lines apart.
const LINE_TOLERANCE = 3;

const SIDE = { right: 'RIGHT', left: 'LEFT' } as const;

/**
 * The eval harness's deterministic judge: pairs each expected defect with at most one posted
 * finding that reports it — same file and side, lines within 3 of the expected range, a category
 * of the same family, and, when the note names code, a title or body that mentions one of those
 * names. The pairing is a maximum bipartite matching (augmenting paths), so one finding never
 * counts twice and a second finding near one defect cannot take the only finding another defect
 * had. Each expected defect tries the closest finding first, then the earlier one; matches come
 * back in the order of `expected`.
 */
export function matchFindings(expected: readonly ExpectedFinding[], findings: readonly Finding[]): Match[] {
  const preferences = expected.map((defect) => {
    const names = noteIdentifiers(defect.note);
    return findings
      .map((finding, index) => ({ finding, index, distance: distanceOf(defect, finding) }))
      .filter(({ finding }) => reports(defect, names, finding))
      .sort(
        (a, b) =>
          a.distance.gap - b.distance.gap || a.distance.offset - b.distance.offset || a.index - b.index,
      )
      .map(({ index }) => index);
  });
  const expectedOfFinding: Array<number | undefined> = findings.map(() => undefined);
  const assign = (defect: number, tried: Set<number>): boolean => {
    for (const index of preferences[defect] ?? []) {
      if (tried.has(index)) continue;
      tried.add(index);
      const holder = expectedOfFinding[index];
      if (holder === undefined || assign(holder, tried)) {
        expectedOfFinding[index] = defect;
        return true;
      }
    }
    return false;
  };
  for (let defect = 0; defect < expected.length; defect += 1) assign(defect, new Set());
  const findingOfExpected = new Map<number, Finding>();
  expectedOfFinding.forEach((defect, index) => {
    const finding = findings[index];
    if (defect !== undefined && finding) findingOfExpected.set(defect, finding);
  });
  return expected.flatMap((defect, index) => {
    const finding = findingOfExpected.get(index);
    return finding ? [{ expected: defect, finding }] : [];
  });
}

function reports(defect: ExpectedFinding, names: readonly string[], finding: Finding): boolean {
  return (
    finding.path === defect.path &&
    finding.side === SIDE[defect.side] &&
    finding.startLine <= defect.end_line + LINE_TOLERANCE &&
    finding.endLine >= defect.start_line - LINE_TOLERANCE &&
    CATEGORY_FAMILY[finding.category] === CATEGORY_FAMILY[defect.category] &&
    (names.length === 0 || names.some((name) => mentions(`${finding.title}\n${finding.body}`, name)))
  );
}

/** Lines between the two ranges (0 when they overlap), then how far their ends are from each other. */
function distanceOf(defect: ExpectedFinding, finding: Finding): { gap: number; offset: number } {
  return {
    gap: Math.max(0, finding.startLine - defect.end_line, defect.start_line - finding.endLine),
    offset: Math.abs(finding.startLine - defect.start_line) + Math.abs(finding.endLine - defect.end_line),
  };
}

/** Whether `text` names `name` as a whole identifier, as written (code is case-sensitive). */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[$]/g, '\\$');
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(text);
}
