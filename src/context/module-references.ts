/**
 * The module references in a text that contain `name`: quoted paths (`'./utils/common'`,
 * `"pkg/common.h"`) and dotted modules after `from` or `import` (`from .common import x`). Found
 * by looking only at the lines where the name occurs, so a large file costs one `indexOf` pass.
 */
export function moduleReferences(text: string, name: string): string[] {
  const references: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) break;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    for (const match of line.matchAll(/(['"])([^'"]*)\1|\b(?:from|import)\s+([\w.]+)/g)) {
      const reference = match[2] ?? match[3] ?? '';
      if (reference.includes(name)) references.push(reference);
    }
    from = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return references;
}
