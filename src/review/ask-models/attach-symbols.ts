import { findEnclosingDefinition } from '../../context/find-enclosing-definition.js';
import { type SymbolCaches, summarizeText } from '../../context/symbol-index.js';
import type { RepositorySnapshot } from '../../repository/repository-reader.js';
import type { LocatedFinding } from '../types.js';

/**
 * Names the definition each finding sits in, from the new version of its file: part of the
 * finding's fingerprint, so the same problem keeps its identity when code around it moves.
 * Findings on removed lines, in unparsed languages or without a repository keep `null`.
 */
export async function attachSymbols(
  findings: readonly LocatedFinding[],
  snapshot: RepositorySnapshot | null,
  caches: SymbolCaches,
): Promise<LocatedFinding[]> {
  if (!snapshot) return [...findings];
  const result: LocatedFinding[] = [];
  for (const finding of findings) {
    const text = finding.side === 'RIGHT' ? await snapshot.read(finding.path) : null;
    if (text === null) {
      result.push(finding);
      continue;
    }
    const summary = await summarizeText(text, finding.path, caches);
    const definition = findEnclosingDefinition(summary.definitions, finding.startLine, finding.endLine);
    result.push({ ...finding, symbol: definition?.name ?? null, symbolKind: definition?.kind ?? null });
  }
  return result;
}
