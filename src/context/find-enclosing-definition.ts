import type { Definition } from './file-summary.js';

/** The innermost definition that contains every line of a range, or null. */
export function findEnclosingDefinition(
  definitions: readonly Definition[],
  startLine: number,
  endLine: number,
): Definition | null {
  let best: Definition | null = null;
  for (const definition of definitions) {
    if (definition.startLine > startLine || definition.endLine < endLine) continue;
    if (!best || definition.endLine - definition.startLine < best.endLine - best.startLine) best = definition;
  }
  return best;
}
