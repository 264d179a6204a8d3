import { isTestPath } from '../../context/is-test-path.js';
import type { DefinitionAt, SymbolIndex } from '../../context/symbol-index.js';
import { tokenizeIdentifiers } from '../../context/tokenize-identifiers.js';
import type { ChangedFileFacts } from './analyse-changed-file.js';
import type { ContextSnippet } from './context-types.js';
import { REASON_SCORE } from './find-usages.js';

// Long definitions are shown by their head: the signature and the first statements say what they take and return.
const WHOLE_DEFINITION_MAX_LINES = 40;
const HEAD_LINES = 15;
// A name defined in more places than this is ambiguous without types; showing all would mislead.
const MAX_NAME_MATCHES = 2;
const MAX_FILES_FOR_NAME_LOOKUP = 30;

/**
 * Definitions of what the changed lines use: functions they call and names they import, resolved
 * through the file's imports first, then within the file, then by a unique name in the repository.
 */
export async function findUsedDefinitions(
  facts: ChangedFileFacts,
  index: SymbolIndex,
): Promise<ContextSnippet[]> {
  const path = facts.file.path;
  const usedNames = new Set<string>();
  for (const call of facts.calls) if (facts.lines.added.has(call.line)) usedNames.add(call.name);
  const imported = new Map<string, { source: string; name: string }>();
  for (const ref of facts.head.imports) {
    for (const binding of ref.bindings)
      imported.set(binding.alias ?? binding.name, { source: ref.source, name: binding.name });
  }
  const addedIdentifiers = tokenizeIdentifiers(facts.lines.addedText.join('\n'));
  for (const name of addedIdentifiers)
    if (imported.has(name) && imported.get(name)?.name !== '*') usedNames.add(name);
  // `ns.fn(...)` through a namespace import resolves `fn` in that module.
  const namespaceCalls = new Map<string, string>();
  for (const text of facts.lines.addedText) {
    for (const match of text.matchAll(/([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*\(/g)) {
      const binding = imported.get(match[1] ?? '');
      if (binding?.name === '*' && match[2]) namespaceCalls.set(match[2], binding.source);
    }
  }

  const snippets: ContextSnippet[] = [];
  for (const name of [...usedNames].sort()) {
    const enclosingHere = facts.enclosing.some((definition) => definition.name === name);
    if (enclosingHere) continue;
    let found: DefinitionAt[] = [];
    let resolvedThroughImport = false;
    const binding = imported.get(name);
    const namespaceSource = namespaceCalls.get(name);
    const source = binding?.source ?? namespaceSource;
    if (source) {
      const targets = index.resolveImport(path, source);
      found = await index.definitionsNamed(binding && binding.name !== '*' ? binding.name : name, targets);
      resolvedThroughImport = found.length > 0;
    }
    if (found.length === 0) {
      found = facts.head.definitions
        .filter((definition) => definition.name === name && !facts.lines.added.has(definition.startLine))
        .map((definition) => ({ path, definition }));
    }
    if (found.length === 0 && !binding) {
      // Resolving by name alone is worth it only for distinctive names; `forEach` is everywhere.
      const mentioning = await index.filesMentioning(name);
      if (mentioning.length <= MAX_FILES_FOR_NAME_LOOKUP) {
        const anywhere = (await index.definitionsNamed(name, mentioning)).filter(
          (at) => !isTestPath(at.path),
        );
        if (anywhere.length <= MAX_NAME_MATCHES) found = anywhere;
      }
    }
    for (const { path: at, definition } of found.slice(0, MAX_NAME_MATCHES)) {
      const text = at === path ? facts.headText : await index.snapshot.read(at);
      if (text === null) continue;
      const lines = text.split('\n');
      const length = definition.endLine - definition.startLine + 1;
      const endLine =
        length <= WHOLE_DEFINITION_MAX_LINES ? definition.endLine : definition.startLine + HEAD_LINES - 1;
      snippets.push({
        path: at,
        startLine: definition.startLine,
        endLine,
        reason: 'definition-used',
        symbol: name,
        score: REASON_SCORE['definition-used'] + (resolvedThroughImport ? 8 : 0) + (at === path ? -10 : 0),
        lines: lines.slice(definition.startLine - 1, endLine),
      });
    }
  }
  return snippets;
}
