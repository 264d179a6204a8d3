import { countSyntaxErrors } from '../../context/count-syntax-errors.js';
import { detectLanguage } from '../../context/languages.js';
import type { Finding } from '../types.js';

export interface CheckedSuggestions {
  readonly findings: readonly Finding[];
  /** Suggestions removed because the file would no longer parse with them applied. */
  readonly dropped: number;
}

/**
 * Applies each suggestion to the new version of its file and parses the result: a suggestion that
 * adds syntax errors (an unbalanced bracket, lost indentation in Python) is removed and the
 * comment keeps its explanation. Files in languages Sift does not parse, or too large to parse,
 * keep their suggestions.
 */
export async function checkSuggestions(
  findings: readonly Finding[],
  headText: (path: string) => Promise<string | null>,
): Promise<CheckedSuggestions> {
  let dropped = 0;
  const checked: Finding[] = [];
  for (const finding of findings) {
    const language = detectLanguage(finding.path);
    const text = finding.suggestion !== null && language ? await headText(finding.path) : null;
    if (finding.suggestion === null || !language || text === null || finding.side !== 'RIGHT') {
      checked.push(finding);
      continue;
    }
    const lines = text.split('\n');
    const applied = [
      ...lines.slice(0, finding.startLine - 1),
      ...finding.suggestion.replace(/\n$/, '').split('\n'),
      ...lines.slice(finding.endLine),
    ].join('\n');
    const [before, after] = await Promise.all([
      countSyntaxErrors(text, language),
      countSyntaxErrors(applied, language),
    ]);
    if (before !== null && after !== null && after > before) {
      dropped += 1;
      checked.push({ ...finding, suggestion: null });
    } else {
      checked.push(finding);
    }
  }
  return { findings: checked, dropped };
}
