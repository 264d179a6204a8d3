import type { Node } from 'web-tree-sitter';
import {
  type CallRef,
  type Definition,
  type DefinitionKind,
  EMPTY_SUMMARY,
  type FileSummary,
  type ImportBinding,
  type ImportRef,
} from './file-summary.js';
import type { LanguageId } from './languages.js';
import { loadLanguage } from './load-language.js';
import { tooLargeToParse } from './too-large-to-parse.js';

const MAX_SIGNATURE_CHARS = 400;
// Patterns may start at most this deep in the tree. Deeper definitions are closures nested in
// closures and members of namespaces inside modules; leaving them out skips 3.5% of definitions
// and about half of the query's time, measured on the bench:context corpus. A change inside one
// still gets the enclosing definition above it, and its callers are found by text anyway.
const MAX_START_DEPTH = 9;

/**
 * Parses one file and runs its language's symbol query: definitions with their line ranges and
 * signatures, and imports — and, when asked, the reference query for its calls, on the same tree.
 * The syntax tree is freed before returning — trees live in WebAssembly memory, which is never
 * collected on its own. A text over MAX_PARSED_BYTES is not parsed and summarises as empty.
 */
export async function summarizeFile(
  source: string,
  languageId: LanguageId,
  options: { calls?: boolean } = {},
): Promise<FileSummary> {
  if (tooLargeToParse(source)) return { ...EMPTY_SUMMARY, ...(options.calls ? { calls: [] } : {}) };
  const { parser, symbolQuery, referenceQuery } = await loadLanguage(languageId);
  const tree = parser.parse(source);
  if (!tree)
    return { definitions: [], imports: [], hasErrors: true, ...(options.calls ? { calls: [] } : {}) };
  try {
    const definitions = new Map<string, Definition>();
    const imports = new Map<
      string,
      { source: string; line: number; bindings: ImportBinding[]; reexport: boolean }
    >();
    for (const match of symbolQuery.matches(tree.rootNode, { maxStartDepth: MAX_START_DEPTH })) {
      let main: { name: string; node: Node } | undefined;
      const named: Record<string, Node> = {};
      for (const capture of match.captures) {
        if (
          capture.name.startsWith('definition.') ||
          capture.name === 'import' ||
          capture.name === 'reexport'
        ) {
          main = { name: capture.name, node: capture.node };
        } else if (!capture.name.startsWith('_')) {
          named[capture.name] = capture.node;
        }
      }
      if (!main) continue;
      const line = main.node.startPosition.row + 1;
      if (main.name === 'import' || main.name === 'reexport') {
        // C's `#include <stdio.h>` has no node for the path inside the brackets.
        const sourceText = named['import.source']?.text.replace(/^<(.+)>$/, '$1');
        if (!sourceText) continue;
        const key = `${line}\0${sourceText}`;
        const entry = imports.get(key) ?? {
          source: sourceText,
          line,
          bindings: [],
          reexport: main.name === 'reexport',
        };
        imports.set(key, entry);
        const clause = named['import.clause'];
        for (const binding of clause ? bindingsOfClause(clause) : [bindingOf(named)]) {
          if (binding && !entry.bindings.some((b) => b.name === binding.name && b.alias === binding.alias)) {
            entry.bindings.push(binding);
          }
        }
      } else if (named.name) {
        const definition: Definition = {
          name: textOf(source, named.name),
          kind: main.name.slice('definition.'.length) as DefinitionKind,
          startLine: line,
          endLine: endLineOf(main.node),
          signature: signatureOf(source, main.node),
        };
        // Two patterns may capture one definition (an exported function, say); keep the wider one.
        const key = `${definition.name}\0${definition.startLine}`;
        const existing = definitions.get(key);
        if (!existing || existing.endLine < definition.endLine) definitions.set(key, definition);
      }
    }
    return {
      definitions: [...definitions.values()].sort(
        (a, b) => a.startLine - b.startLine || b.endLine - a.endLine,
      ),
      imports: [...imports.values()].sort((a, b) => a.line - b.line) as ImportRef[],
      hasErrors: tree.rootNode.hasError,
      ...(options.calls ? { calls: callsIn(referenceQuery.captures(tree.rootNode)) } : {}),
    };
  } finally {
    tree.delete();
  }
}

/** A node that ends at the start of a line ends on the line before: a `#define` takes its newline. */
function endLineOf(node: Node): number {
  const end = node.endPosition;
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
}

/**
 * The names an ES `import_clause` or `export_clause` binds: a default import, `* as ns`, and each
 * `{ name as alias }` specifier.
 */
function bindingsOfClause(clause: Node): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const child of clause.namedChildren) {
    if (!child) continue;
    if (child.type === 'identifier') bindings.push({ name: 'default', alias: child.text });
    else if (child.type === 'namespace_import') {
      const alias = child.namedChildren.find((node) => node?.type === 'identifier');
      if (alias) bindings.push({ name: '*', alias: alias.text });
    } else if (
      child.type === 'named_imports' ||
      child.type === 'import_specifier' ||
      child.type === 'export_specifier'
    ) {
      const specifiers = child.type === 'named_imports' ? child.namedChildren : [child];
      for (const specifier of specifiers) {
        const name = specifier?.childForFieldName('name')?.text;
        if (!name) continue;
        const alias = specifier?.childForFieldName('alias')?.text ?? null;
        bindings.push({ name, alias: alias === name ? null : alias });
      }
    }
  }
  return bindings;
}

function callsIn(captures: ReadonlyArray<{ name: string; node: Node }>): CallRef[] {
  return captures
    .filter((capture) => capture.name === 'name')
    .map((capture) => ({ name: capture.node.text, line: capture.node.startPosition.row + 1 }))
    .sort((a, b) => a.line - b.line);
}

function bindingOf(named: Record<string, Node>): ImportBinding | null {
  const namespace = named['import.namespace']?.text;
  if (namespace) return { name: '*', alias: namespace };
  const name = named['import.name']?.text;
  const alias = named['import.alias']?.text ?? null;
  if (name) return { name, alias: alias === name ? null : alias };
  // A default import binds the module's default export under a local name.
  if (alias) return { name: 'default', alias };
  return null;
}

/**
 * A definition's head: its text up to the body, whitespace collapsed. Two versions of a function
 * with equal signatures take the same arguments and declare the same result; a constant without a
 * body keeps its value in the signature, so a changed value shows as a changed signature.
 */
function signatureOf(source: string, node: Node): string {
  const body = findBody(node, 2);
  const end = body ? body.startIndex : Math.min(node.endIndex, node.startIndex + MAX_SIGNATURE_CHARS * 2);
  const text = source.slice(node.startIndex, end);
  const collapsed = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[{:=]\s*$/, '')
    .trim();
  return collapsed.length > MAX_SIGNATURE_CHARS ? collapsed.slice(0, MAX_SIGNATURE_CHARS) : collapsed;
}

/** A node's text, sliced from the source (web-tree-sitter indexes strings in UTF-16 units, as JavaScript does). */
function textOf(source: string, node: Node): string {
  return source.slice(node.startIndex, node.endIndex);
}

function findBody(node: Node, depth: number): Node | null {
  const direct = node.childForFieldName('body');
  if (direct) return direct;
  if (depth === 0) return null;
  for (const child of node.namedChildren) {
    if (!child) continue;
    const found = findBody(child, depth - 1);
    if (found) return found;
  }
  return null;
}
