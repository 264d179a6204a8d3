import type { LanguageId } from './languages.js';
import { loadLanguage } from './load-language.js';

/** How many syntax errors tree-sitter finds in a text: ERROR nodes plus nodes it had to invent (MISSING). */
export async function countSyntaxErrors(text: string, language: LanguageId): Promise<number> {
  const { parser } = await loadLanguage(language);
  const tree = parser.parse(text);
  if (!tree) return Number.POSITIVE_INFINITY;
  try {
    if (!tree.rootNode.hasError) return 0;
    let errors = 0;
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
