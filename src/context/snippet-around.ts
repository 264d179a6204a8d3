import type { Definition } from './file-summary.js';
import { findEnclosingDefinition } from './find-enclosing-definition.js';

// A usage inside a short function is shown with the whole function; in a long one, with a window
// large enough to show how the value it gets is used in the next few statements.
const WHOLE_DEFINITION_MAX_LINES = 30;
const LINES_BEFORE = 4;
const LINES_AFTER = 14;

/** The lines worth showing around a line of interest: its enclosing definition when short, else a window inside it. */
export function snippetAround(
  definitions: readonly Definition[],
  line: number,
  lineCount: number,
): { startLine: number; endLine: number; definition: Definition | null } {
  const definition = findEnclosingDefinition(definitions, line, line);
  if (definition && definition.endLine - definition.startLine + 1 <= WHOLE_DEFINITION_MAX_LINES) {
    return { startLine: definition.startLine, endLine: definition.endLine, definition };
  }
  const lower = definition ? definition.startLine : 1;
  const upper = definition ? definition.endLine : lineCount;
  return {
    startLine: Math.max(lower, line - LINES_BEFORE),
    endLine: Math.min(upper, line + LINES_AFTER),
    definition,
  };
}
