import { isTestPath } from '../../context/is-test-path.js';
import { snippetAround } from '../../context/snippet-around.js';
import type { SymbolIndex } from '../../context/symbol-index.js';
import type { ContextSnippet, SnippetReason } from './context-types.js';

/** How much each reason is worth before adjustments; see pack-context.ts for how ties break. */
export const REASON_SCORE: Record<SnippetReason, number> = {
  'caller-of-removed': 100,
  'caller-of-changed-signature': 90,
  'user-of-removed-text': 85,
  'caller-of-changed-body': 70,
  'enclosing-symbol': 60,
  'user-of-shared-name': 58,
  'definition-used': 50,
  'related-test': 35,
};

// A name in more files than this is too common to show every use; only importers of the changed file count then.
const COMMON_NAME_FILES = 40;
const MAX_OCCURRENCES_PER_FILE = 6;

export interface UsageQuery {
  /** An identifier, or with `literal`, a string searched as text. */
  readonly term: string;
  readonly literal: boolean;
  readonly reason: SnippetReason;
  /** The changed file the term comes from; its own lines shown in the diff are skipped. */
  readonly origin: string;
  readonly shownInDiff: ReadonlySet<number>;
}

/**
 * Where other code uses a changed symbol (or still says a removed name or string), as snippets:
 * each use with its enclosing function when short, or a window around it. Files that import the
 * changed file rank first; uses in tests become related-test snippets.
 */
export async function findUsages(query: UsageQuery, index: SymbolIndex): Promise<ContextSnippet[]> {
  const candidates = query.literal
    ? await filesContaining(query.term, index)
    : await index.filesMentioning(query.term);
  const common = candidates.length > COMMON_NAME_FILES;
  const pattern = query.literal
    ? new RegExp(escapeRegExp(query.term))
    : new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(query.term)}(?![A-Za-z0-9_$])`);
  const call = new RegExp(`${escapeRegExp(query.term)}\\s*\\(`);
  // The import of a symbol says nothing about how it is used, unless the symbol is gone: then
  // the import itself is what breaks.
  const importsBreak = query.reason === 'caller-of-removed' || query.reason === 'user-of-removed-text';
  const importers = await index.importersOf(query.origin);
  const snippets: ContextSnippet[] = [];
  for (const path of candidates) {
    const importer = importers.has(path);
    if (common && !importer) continue;
    const text = await index.snapshot.read(path);
    if (text === null) continue;
    const lines = text.split('\n');
    const summary = await index.summaryOf(path);
    const importLines = new Set(summary.imports.map((ref) => ref.line));
    let found = 0;
    for (let i = 0; i < lines.length && found < MAX_OCCURRENCES_PER_FILE; i += 1) {
      const line = lines[i] ?? '';
      const lineNumber = i + 1;
      if (!pattern.test(line) || isComment(line)) continue;
      // A broken import is one line; the code around it is other imports.
      const isImport = importLines.has(lineNumber) || IMPORT_LINE.test(line);
      if (isImport && !importsBreak) continue;
      if (path === query.origin && query.shownInDiff.has(lineNumber)) continue;
      const definitionHere = summary.definitions.find(
        (definition) => definition.name === query.term && definition.startLine === lineNumber,
      );
      if (definitionHere && path === query.origin) continue; // the symbol's own definition is in the diff or the enclosing snippet
      found += 1;
      const window = isImport
        ? { startLine: lineNumber, endLine: lineNumber }
        : snippetAround(
            summary.definitions,
            lineNumber,
            text.endsWith('\n') ? lines.length - 1 : lines.length,
          );
      const reason: SnippetReason = isTestPath(path) && path !== query.origin ? 'related-test' : query.reason;
      const score =
        REASON_SCORE[reason] +
        (importer ? 8 : 0) +
        (path === query.origin ? -15 : 0) +
        (call.test(line) ? 4 : 0) -
        (common ? 10 : 0) -
        found; // later uses in the same file add less
      snippets.push({
        path,
        startLine: window.startLine,
        endLine: window.endLine,
        reason,
        symbol: query.term,
        score,
        lines: lines.slice(window.startLine - 1, window.endLine),
      });
    }
  }
  return snippets;
}

async function filesContaining(text: string, index: SymbolIndex): Promise<string[]> {
  const found: string[] = [];
  for (const path of [...index.snapshot.files.keys()].sort()) {
    if ((await index.snapshot.read(path))?.includes(text)) found.push(path);
  }
  return found;
}

/** Lines of a (possibly multi-line) import the parser's import records do not start on. */
const IMPORT_LINE =
  /^\s*(import\s|from\s+\S+\s+import\s|export\s+\{[^}]*\}\s+from\s|using\s|use\s|#include\s|require(_relative)?[\s(])/;

/** Lines that are only a comment do not use anything (docs mention names all the time). */
function isComment(line: string): boolean {
  return /^\s*(\/\/|#(?!include|define|\[)|\*|\/\*|--|;)/.test(line);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
