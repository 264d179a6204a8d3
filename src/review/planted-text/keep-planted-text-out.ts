import type { LocatedFinding } from '../types.js';
import type { PlantedWords } from './planted-words.js';

export interface PlantedTextKeptOut {
  readonly findings: LocatedFinding[];
  /** Findings that said nothing but planted words, left out. */
  readonly heldBack: number;
  /** Findings posted with planted words replaced. */
  readonly redacted: number;
  /** Where the words those findings repeated were planted. */
  readonly where: readonly string[];
}

/**
 * Findings as the model wrote them, less the words a planted instruction made it repeat: each
 * planted word becomes `…`; a suggestion that holds one is dropped (code cannot be redacted and
 * still apply); a finding whose title is left without a word is held back. A real finding the
 * attacker had the model decorate is still posted.
 */
export function keepPlantedTextOut(
  findings: readonly LocatedFinding[],
  planted: PlantedWords,
): PlantedTextKeptOut {
  if (planted.size === 0) return { findings: [...findings], heldBack: 0, redacted: 0, where: [] };
  const kept: LocatedFinding[] = [];
  // Passes often report one problem alike: count problems, as people would, not proposals.
  const heldBack = new Set<string>();
  const redacted = new Set<string>();
  const problemOf = (finding: LocatedFinding) => `${finding.path}|${finding.startLine}|${finding.title}`;
  const where = new Set<string>();
  for (const finding of findings) {
    const texts = [finding.title, finding.body, ...finding.evidence, finding.suggestion ?? ''];
    if (!texts.some((text) => planted.holds(text))) {
      kept.push(finding);
      continue;
    }
    for (const text of texts) for (const source of planted.sourcesIn(text)) where.add(source);
    const title = planted.redact(finding.title);
    if (!/\p{L}{2,}/u.test(title)) {
      heldBack.add(problemOf(finding));
      continue;
    }
    redacted.add(problemOf(finding));
    kept.push({
      ...finding,
      title,
      body: planted.redact(finding.body),
      evidence: finding.evidence.map((item) => planted.redact(item)),
      suggestion:
        finding.suggestion !== null && planted.holds(finding.suggestion) ? null : finding.suggestion,
    });
  }
  return { findings: kept, heldBack: heldBack.size, redacted: redacted.size, where: [...where] };
}
