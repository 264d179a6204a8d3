import fc from 'fast-check';

export interface GeneratedHunk {
  readonly gap: number;
  readonly rows: ReadonlyArray<{ readonly kind: ' ' | '+' | '-'; readonly text: string }>;
}

const rowText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '@@ not a header', '+++ b/x', '--- a/x', '\\t', '  return a;'),
);
const row = fc.record({ kind: fc.constantFrom<' ' | '+' | '-'>(' ', '+', '-'), text: rowText });

/**
 * Hunks as git writes them: in order, separated by unchanged lines (`gap`), each with at least one
 * line, and headers whose counts match what follows.
 */
export const generatedHunks: fc.Arbitrary<GeneratedHunk[]> = fc.array(
  fc.record({ gap: fc.nat({ max: 50 }), rows: fc.array(row, { minLength: 1, maxLength: 12 }) }),
  { minLength: 1, maxLength: 6 },
);

/** The patch text of generated hunks, with a "\ No newline" marker now and then. */
export function patchOf(hunks: readonly GeneratedHunk[]): string {
  let oldLine = 1;
  let newLine = 1;
  const out: string[] = [];
  for (const hunk of hunks) {
    oldLine += hunk.gap;
    newLine += hunk.gap;
    const oldCount = hunk.rows.filter((line) => line.kind !== '+').length;
    const newCount = hunk.rows.filter((line) => line.kind !== '-').length;
    // git writes a start of 0 for an empty side (a file added or deleted whole).
    const oldStart = oldCount === 0 ? oldLine - 1 : oldLine;
    const newStart = newCount === 0 ? newLine - 1 : newLine;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@ function f() {`);
    for (const line of hunk.rows) out.push(`${line.kind}${line.text}`);
    oldLine += oldCount;
    newLine += newCount;
  }
  return out.join('\n');
}

export const wellFormedPatch: fc.Arbitrary<string> = generatedHunks.map(patchOf);
