import type { Node } from 'web-tree-sitter';
import type { LanguageId } from './languages.js';
import { loadLanguage } from './load-language.js';
import { tooLargeToParse } from './too-large-to-parse.js';

/**
 * How many syntax errors tree-sitter finds in a text: ERROR nodes plus nodes it had to invent
 * (MISSING), and for Python the indentation errors its grammar lets through. Null for a text
 * over MAX_PARSED_BYTES, which is not parsed.
 */
export async function countSyntaxErrors(text: string, language: LanguageId): Promise<number | null> {
  if (tooLargeToParse(text)) return null;
  const { parser } = await loadLanguage(language);
  const tree = parser.parse(text);
  if (!tree) return Number.POSITIVE_INFINITY;
  try {
    const indentation = language === 'python' ? countPythonIndentationErrors(tree.rootNode) : 0;
    if (!tree.rootNode.hasError) return indentation;
    let errors = indentation;
    const cursor = tree.walk();
    let more = true;
    while (more) {
      const node = cursor.currentNode;
      if (node.type === 'ERROR' || node.isMissing) errors += 1;
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) {
          more = false;
          break;
        }
      }
    }
    cursor.delete();
    return errors;
  } finally {
    tree.delete();
  }
}

const MAY_HOLD_BLOCK = /(_statement|_definition|_clause|^block|^ERROR)$/;

/**
 * Python's grammar parses `if x:` followed by a dedented line as an empty block, and a line at an
 * unexpected indentation as a statement of an outer block, without an ERROR node; Python rejects
 * both ("expected an indented block", "unexpected indent"). Counts blocks without a statement and
 * statements that do not start at the column of their block's first (the module's: column 0).
 */
function countPythonIndentationErrors(root: Node): number {
  let errors = 0;
  const pending: Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const children = node.namedChildren.filter((child): child is Node => child !== null);
    // Blocks sit only in compound statements and their clauses; expressions are not walked.
    pending.push(...children.filter((child) => MAY_HOLD_BLOCK.test(child.type)));
    if (node.type !== 'block' && node.type !== 'module') continue;
    const statements = children.filter((child) => child.type !== 'comment' && child.type !== 'ERROR');
    if (node.type === 'block' && statements.length === 0) errors += 1;
    const column = node.type === 'module' ? 0 : statements[0]?.startPosition.column;
    let row = -1;
    for (const statement of statements) {
      // `a = 1; b = 2` puts two statements on one line; only a line's first one is indented.
      if (statement.startPosition.row !== row && statement.startPosition.column !== column) errors += 1;
      row = statement.endPosition.row;
    }
  }
  return errors;
}
