import { type ChangedSymbol, compareDefinitions } from '../../context/compare-definitions.js';
import type { CallRef, Definition, FileSummary } from '../../context/file-summary.js';
import { findEnclosingDefinition } from '../../context/find-enclosing-definition.js';
import { type SymbolCaches, type SymbolIndex, summarizeText } from '../../context/symbol-index.js';
import { reconstructBase } from '../../diff/reconstruct-base.js';
import type { DiffFile } from '../../diff/types.js';
import { type ChangedLines, changedLinesOf } from './changed-lines.js';
import { type RemovedText, removedText } from './removed-text.js';

/** Method names that construct their class: a change to one is a change to how the class is built. */
const CONSTRUCTOR_NAMES = new Set(['constructor', '__init__', '__new__', 'initialize', '__construct', 'new']);

export interface ChangedFileFacts {
  readonly file: DiffFile;
  readonly headText: string;
  readonly headLines: readonly string[];
  readonly head: FileSummary;
  /** Calls in the head version, for the definitions the changed lines use. */
  readonly calls: readonly CallRef[];
  readonly lines: ChangedLines;
  readonly changedSymbols: readonly ChangedSymbol[];
  readonly removed: RemovedText;
  /** The innermost head definition around each hunk's change. */
  readonly enclosing: readonly Definition[];
}

/**
 * Everything the context engine needs to know about one changed file: both versions parsed (the
 * base rebuilt from the head and the patch), which symbols the change removes or modifies, what
 * text it takes away, and where each hunk sits.
 */
export async function analyseChangedFile(
  file: DiffFile,
  index: SymbolIndex,
  caches: SymbolCaches,
): Promise<ChangedFileFacts> {
  const headText = file.status === 'removed' ? '' : ((await index.snapshot.read(file.path)) ?? '');
  const baseText = reconstructBase(headText, file) ?? '';
  const head =
    file.status === 'removed'
      ? await summarizeText('', file.path, caches)
      : await index.summaryOf(file.path, { calls: true });
  const base = await summarizeText(baseText, file.previousPath ?? file.path, caches);
  const lines = changedLinesOf(file);

  const innermost = (definitions: readonly Definition[], changed: ReadonlySet<number>) => {
    const touched = new Set<Definition>();
    for (const line of changed) {
      const definition = findEnclosingDefinition(definitions, line, line);
      if (definition) touched.add(definition);
    }
    return touched;
  };
  const touchedHead = innermost(head.definitions, lines.added);
  const touchedBase = innermost(base.definitions, lines.removed);
  const changes = compareDefinitions(base.definitions, head.definitions, {
    base: (definition) => touchedBase.has(definition),
    head: (definition) => touchedHead.has(definition),
  });

  return {
    file,
    headText,
    headLines: headText.split('\n'),
    head,
    calls: head.calls ?? [],
    lines,
    changedSymbols: attributeConstructors(changes, head.definitions, base.definitions),
    removed: removedText(lines.removedText, headText),
    enclosing: enclosingPerHunk(file, head.definitions),
  };
}

/** A changed constructor changes how its class is called: report the class, with the constructor's change. */
function attributeConstructors(
  changes: readonly ChangedSymbol[],
  head: readonly Definition[],
  base: readonly Definition[],
): ChangedSymbol[] {
  const result = new Map<string, ChangedSymbol>();
  for (const change of changes) {
    const definitions = change.change === 'removed' ? base : head;
    const owner = findEnclosingDefinition(
      definitions.filter((definition) => definition.kind === 'class' && definition !== change.definition),
      change.definition.startLine,
      change.definition.endLine,
    );
    const isConstructor =
      CONSTRUCTOR_NAMES.has(change.name) || (owner !== null && owner.name === change.name);
    const attributed =
      isConstructor && owner
        ? {
            ...change,
            name: owner.name,
            change: change.change === 'removed' ? ('signature-changed' as const) : change.change,
          }
        : change;
    const existing = result.get(attributed.name);
    if (!existing || rank(attributed.change) < rank(existing.change)) result.set(attributed.name, attributed);
  }
  return [...result.values()];
}

function rank(change: ChangedSymbol['change']): number {
  return change === 'removed' ? 0 : change === 'signature-changed' ? 1 : 2;
}

function enclosingPerHunk(file: DiffFile, definitions: readonly Definition[]): Definition[] {
  const found = new Map<string, Definition>();
  for (const hunk of file.hunks) {
    const newLines = hunk.lines.filter((line) => line.kind === 'added').map((line) => line.newLine ?? 0);
    const around =
      newLines.length > 0 ? newLines : hunk.lines.map((line) => line.newLine ?? 0).filter((line) => line > 0);
    if (around.length === 0) continue;
    const definition = findEnclosingDefinition(definitions, Math.min(...around), Math.max(...around));
    if (definition) found.set(`${definition.name}:${definition.startLine}`, definition);
  }
  return [...found.values()];
}
