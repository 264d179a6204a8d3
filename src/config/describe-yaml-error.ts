import type { LocatedConfigProblem } from './loaded-repo-config.js';

/**
 * A configuration file that does not parse as YAML, as a problem with the line and column to fix,
 * which the CLI prints as `file:line:col: message`, the form editors and terminals link. The yaml
 * package's YAMLParseError carries the position in `linePos` (1-based) and repeats it in its
 * message, followed by a drawing of the line; both are left out of the message here. An error
 * without a position keeps the first line of its message.
 */
export function describeYamlError(error: unknown, file: string | null): LocatedConfigProblem {
  const text = error instanceof Error ? error.message : String(error);
  const reason = (text.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim();
  const start = positionOf(error);
  return {
    key: '',
    message: `invalid YAML: ${reason}`,
    file,
    line: start?.line ?? null,
    ...(start ? { column: start.col } : {}),
  };
}

/** Duck-typed: the config plugin may load its own copy of the yaml package, so `instanceof` can miss. */
function positionOf(error: unknown): { line: number; col: number } | null {
  const start = (error as { linePos?: ReadonlyArray<{ line?: unknown; col?: unknown }> } | null)
    ?.linePos?.[0];
  if (typeof start?.line !== 'number' || typeof start.col !== 'number' || start.line < 1) return null;
  return { line: start.line, col: start.col };
}
