import type { CallRef } from './file-summary.js';
import type { LanguageId } from './languages.js';
import { loadLanguage } from './load-language.js';

/**
 * The calls in a file, by the name called and its line. Only the files a change touches need
 * these, so they are not part of the per-file summary every indexed file gets.
 */
export async function findCalls(source: string, languageId: LanguageId): Promise<CallRef[]> {
  const { parser, referenceQuery } = await loadLanguage(languageId);
  const tree = parser.parse(source);
  if (!tree) return [];
  try {
    const calls: CallRef[] = [];
    for (const capture of referenceQuery.captures(tree.rootNode)) {
      if (capture.name === 'name')
        calls.push({ name: capture.node.text, line: capture.node.startPosition.row + 1 });
    }
    return calls.sort((a, b) => a.line - b.line);
  } finally {
    tree.delete();
  }
}
