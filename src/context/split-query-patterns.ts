/**
 * Splits a tree-sitter query source into its top-level patterns (each with the captures and
 * predicates that follow it), so one query file can be compiled as two queries. Comments and
 * strings are skipped while counting parentheses.
 */
export function splitQueryPatterns(source: string): string[] {
  const patterns: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === ';') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
      continue;
    }
    if (char === '"') {
      for (i += 1; i < source.length && source[i] !== '"'; i += 1) if (source[i] === '\\') i += 1;
      continue;
    }
    if (char === '(' || char === '[') {
      if (depth === 0) {
        if (start >= 0) patterns.push(source.slice(start, i).trim());
        start = i;
      }
      depth += 1;
    } else if (char === ')' || char === ']') {
      depth -= 1;
    }
  }
  if (start >= 0) patterns.push(source.slice(start).trim());
  return patterns.map(stripTrailingComments).filter(Boolean);
}

function stripTrailingComments(pattern: string): string {
  return pattern
    .split('\n')
    .filter((line) => !line.trimStart().startsWith(';'))
    .join('\n')
    .trim();
}
