import { CATEGORY_FAMILY } from '../category-family.js';
import { compareText } from '../compare-text.js';
import { SEVERITY_RANK } from '../severity-rank.js';
import type { LocatedFinding } from '../types.js';
import { claimSimilarity } from './claim-similarity.js';
import { stripSharedText } from './strip-shared-text.js';

/** Findings from several passes that describe the same problem, with one description for all. */
export interface Cluster {
  /** `C1`, `C2`, …: how the verifier refers to it. */
  readonly id: string;
  readonly representative: LocatedFinding;
  readonly members: readonly LocatedFinding[];
  /** The distinct passes that reported it: its votes. */
  readonly passes: readonly string[];
  /**
   * What the representative claims, without the text its answer repeated in every finding
   * (stripSharedText): the text to compare with findings posted earlier.
   */
  readonly claim?: string | undefined;
}

// Two passes point at a problem a few lines apart (the condition, or the statement using it).
const LINE_TOLERANCE = 3;
// Below this, two nearby findings of one category are different claims (measured on eval cases).
const MIN_SIMILARITY = 0.2;

/**
 * Stage 5, first half: groups findings that describe the same issue — same file and side, lines
 * within a few of each other, categories of one family, similar claims — into clusters whose
 * vote count is the number of distinct passes that found them. Claims are compared without the
 * text an answer repeated in all its findings, so a paragraph planted in every finding cannot
 * merge distinct ones. Deterministic: the same findings in any order give the same clusters.
 */
export function clusterFindings(findings: readonly LocatedFinding[]): Cluster[] {
  const claims = stripSharedText(findings);
  const claimOf = (finding: LocatedFinding) => claims.get(finding) ?? `${finding.title}\n${finding.body}`;
  const ordered = [...findings].sort(
    (a, b) =>
      compareText(a.path, b.path) ||
      compareText(a.side, b.side) ||
      a.startLine - b.startLine ||
      a.endLine - b.endLine ||
      compareText(a.pass, b.pass) ||
      compareText(a.title, b.title),
  );
  const groups: LocatedFinding[][] = [];
  for (const finding of ordered) {
    let best: { group: LocatedFinding[]; similarity: number } | undefined;
    for (const group of groups) {
      if (!group.some((member) => near(member, finding))) continue;
      const similarity = Math.max(
        ...group.map((member) => claimSimilarity(claimOf(member), claimOf(finding))),
      );
      const sameLines = group.some(
        (member) => member.startLine === finding.startLine && member.endLine === finding.endLine,
      );
      if (
        (similarity >= MIN_SIMILARITY || (sameLines && sameCategory(group, finding))) &&
        (!best || similarity > best.similarity)
      ) {
        best = { group, similarity };
      }
    }
    if (best) best.group.push(finding);
    else groups.push([finding]);
  }
  return groups.map((members, index) => {
    const representative = representativeOf(members, claimOf);
    return {
      id: `C${index + 1}`,
      representative,
      members,
      passes: [...new Set(members.map((member) => member.pass))].sort(),
      claim: claimOf(representative),
    };
  });
}

function near(a: LocatedFinding, b: LocatedFinding): boolean {
  return (
    a.path === b.path &&
    a.side === b.side &&
    CATEGORY_FAMILY[a.category] === CATEGORY_FAMILY[b.category] &&
    a.startLine - LINE_TOLERANCE <= b.endLine &&
    b.startLine - LINE_TOLERANCE <= a.endLine
  );
}

function sameCategory(group: readonly LocatedFinding[], finding: LocatedFinding): boolean {
  return group.some((member) => member.category === finding.category);
}

/** The member most like the others (the medoid); ties go to the more severe, then the fuller explanation. */
function representativeOf(
  members: readonly LocatedFinding[],
  claimOf: (finding: LocatedFinding) => string,
): LocatedFinding {
  let best = members[0] as LocatedFinding;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const candidate of members) {
    const score = members.reduce(
      (sum, other) => (other === candidate ? sum : sum + claimSimilarity(claimOf(candidate), claimOf(other))),
      0,
    );
    const better =
      score > bestScore + 1e-9 ||
      (Math.abs(score - bestScore) <= 1e-9 &&
        (SEVERITY_RANK[candidate.severity] > SEVERITY_RANK[best.severity] ||
          (candidate.severity === best.severity && candidate.body.length > best.body.length)));
    if (better) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
