import { createSymbolIndex, type SymbolCaches } from '../../context/symbol-index.js';
import type { RepositorySnapshot } from '../../repository/repository-reader.js';
import type { ReviewFile } from '../types.js';
import { analyseChangedFile } from './analyse-changed-file.js';
import {
  type ContextSnippet,
  EMPTY_CONTEXT,
  type ReviewContext,
  type SnippetReason,
} from './context-types.js';
import { findUsages, REASON_SCORE } from './find-usages.js';
import { findUsedDefinitions } from './find-used-definitions.js';
import { packContext } from './pack-context.js';
import { sharedNames } from './shared-names.js';

export interface BuildContextDeps {
  /** The repository at the change's head commit. */
  readonly snapshot: RepositorySnapshot;
  readonly caches: SymbolCaches;
  readonly signal?: AbortSignal | undefined;
}

// The whole definition around a hunk, unless it is this long; then the lines around the hunk.
const ENCLOSING_MAX_LINES = 80;
const ENCLOSING_MARGIN = 12;

const USAGE_REASON = {
  removed: 'caller-of-removed',
  'signature-changed': 'caller-of-changed-signature',
  'body-changed': 'caller-of-changed-body',
} as const satisfies Record<string, SnippetReason>;

/**
 * Stage 3: code from outside the diff that a reviewer needs — for each hunk its enclosing
 * symbol; the definitions the changed lines use; every use elsewhere of what the change removes,
 * re-signs or modifies (and of names and strings it deletes); tests of the changed symbols — ranked
 * and packed into the token budget.
 */
export async function buildContext(
  input: { files: readonly ReviewFile[]; budget: number },
  deps: BuildContextDeps,
): Promise<ReviewContext> {
  if (input.budget <= 0 || input.files.length === 0) return { ...EMPTY_CONTEXT, budget: input.budget };
  const { snapshot } = deps;
  const index = createSymbolIndex(snapshot, deps.caches);
  const candidates: ContextSnippet[] = [];
  const linesByPath = new Map<string, readonly string[]>();

  // Every changed file is parsed (with its calls) before any other file is looked at, so no
  // changed file is parsed twice.
  const analysed = [];
  for (const { file } of input.files) {
    deps.signal?.throwIfAborted();
    analysed.push(await analyseChangedFile(file, index, deps.caches));
  }
  for (const facts of analysed) {
    const { file } = facts;
    linesByPath.set(file.path, facts.headLines);

    for (const definition of facts.enclosing) {
      const hunkLines = [...facts.lines.shown].filter(
        (line) => line >= definition.startLine && line <= definition.endLine,
      );
      const long = definition.endLine - definition.startLine + 1 > ENCLOSING_MAX_LINES;
      const startLine = long
        ? Math.max(definition.startLine, Math.min(...hunkLines) - ENCLOSING_MARGIN)
        : definition.startLine;
      const endLine = long
        ? Math.min(definition.endLine, Math.max(...hunkLines) + ENCLOSING_MARGIN)
        : definition.endLine;
      candidates.push({
        path: file.path,
        startLine,
        endLine,
        reason: 'enclosing-symbol',
        symbol: definition.name,
        score: REASON_SCORE['enclosing-symbol'],
        lines: facts.headLines.slice(startLine - 1, endLine),
      });
    }
    candidates.push(...(await findUsedDefinitions(facts, index)));

    const searched = new Set([
      ...facts.changedSymbols.map((symbol) => symbol.name),
      ...facts.removed.identifiers,
    ]);
    const queries = [
      ...facts.changedSymbols.map((symbol) => ({
        term: symbol.name,
        literal: false,
        reason: USAGE_REASON[symbol.change],
      })),
      ...facts.removed.identifiers.map((term) => ({
        term,
        literal: false,
        reason: 'user-of-removed-text' as const,
      })),
      ...facts.removed.literals.map((term) => ({
        term,
        literal: true,
        reason: 'user-of-removed-text' as const,
      })),
      ...(await sharedNames(facts, index, searched)).map((term) => ({
        term,
        literal: false,
        reason: 'user-of-shared-name' as const,
      })),
    ];
    for (const query of queries) {
      candidates.push(
        ...(await findUsages({ ...query, origin: file.path, shownInDiff: facts.lines.shown }, index)),
      );
    }
  }

  for (const snippet of candidates) {
    if (!linesByPath.has(snippet.path))
      linesByPath.set(snippet.path, ((await snapshot.read(snippet.path)) ?? '').split('\n'));
  }
  return packContext(candidates, input.budget, (path) => linesByPath.get(path) ?? []);
}
