import type { CallRef, FileSummary } from '../../../src/context/file-summary.js';

/** Definitions as rows that read like an outline: `method Match 34-46` is a method on lines 34 to 46. */
export function definitionRows(summary: FileSummary): string[] {
  return summary.definitions.map((d) => `${d.kind} ${d.name} ${d.startLine}-${d.endLine}`);
}

/** Calls as rows: `Split:38` is a call of Split on line 38. */
export function callRows(calls: readonly CallRef[]): string[] {
  return calls.map((c) => `${c.name}:${c.line}`);
}
