import type { Node } from 'web-tree-sitter';
import type { Definition, DefinitionKind, FileSummary, ImportBinding, ImportRef } from './file-summary.js';
import type { LanguageId } from './languages.js';
import { loadLanguage } from './load-language.js';

const MAX_SIGNATURE_CHARS = 400;

/**
 * Parses one file and runs its language's symbol query: definitions with their line ranges and
 * signatures, and imports. The syntax tree is freed before returning — trees live in WebAssembly
 * memory, which is never collected on its own.
 */
export async function summarizeFile(source: string, languageId: LanguageId): Promise<FileSummary> {
  const { parser, symbolQuery } = await loadLanguage(languageId);
  const tree = parser.parse(source);
  if (!tree) return { definitions: [], imports: [], hasErrors: true };
  try {
    const definitions = new Map<string, Definition>();
    const imports = new Map<
      string,
      { source: string; line: number; bindings: ImportBinding[]; reexport: boolean }
    >();
    for (const match of symbolQuery.matches(tree.rootNode)) {
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
        const binding = bindingOf(named);
        if (binding && !entry.bindings.some((b) => b.name === binding.name && b.alias === binding.alias)) {
          entry.bindings.push(binding);
        }
      } else if (named.name) {
        const definition: Definition = {
          name: named.name.text,
          kind: main.name.slice('definition.'.length) as DefinitionKind,
          startLine: line,
          endLine: endLineOf(main.node),
          signature: signatureOf(main.node),
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
function signatureOf(node: Node): string {
  const body = findBody(node, 3);
  const text = body
    ? node.text.slice(0, body.startIndex - node.startIndex)
    : node.text.slice(0, MAX_SIGNATURE_CHARS * 2);
  const collapsed = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[{:=]\s*$/, '')
    .trim();
  return collapsed.length > MAX_SIGNATURE_CHARS ? collapsed.slice(0, MAX_SIGNATURE_CHARS) : collapsed;
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
