import { countTokens } from '../../llm/count-tokens.js';
import { compareText } from '../compare-text.js';
import type { ContextSnippet, ReviewContext } from './context-types.js';
import { renderSnippet } from './render-context.js';

// Snippets of one file that overlap or touch read better as one; further apart, merging would let a
// minor snippet ride on the budget of a major one.
const MERGE_GAP_LINES = 1;

/**
 * Merges overlapping snippets of a file, ranks them — score, then path, then line, so the same
 * input always packs the same way — and keeps what fits the token budget. A snippet too large for
 * what is left is skipped and smaller ones after it still get their chance.
 */
export function packContext(
  candidates: readonly ContextSnippet[],
  budget: number,
  fileLines: (path: string) => readonly string[],
): ReviewContext {
  const ranked = mergeOverlapping(candidates, fileLines).sort(
    (a, b) => b.score - a.score || compareText(a.path, b.path) || a.startLine - b.startLine,
  );
  const snippets: ContextSnippet[] = [];
  let tokens = 0;
  let omitted = 0;
  for (const snippet of ranked) {
    const cost = countTokens(renderSnippet(snippet));
    if (tokens + cost <= budget) {
      snippets.push(snippet);
      tokens += cost;
    } else {
      omitted += 1;
    }
  }
  return { snippets, tokens, budget, omitted };
}

function mergeOverlapping(
  candidates: readonly ContextSnippet[],
  fileLines: (path: string) => readonly string[],
): ContextSnippet[] {
  const byPath = new Map<string, ContextSnippet[]>();
  for (const snippet of candidates) byPath.set(snippet.path, [...(byPath.get(snippet.path) ?? []), snippet]);
  const merged: ContextSnippet[] = [];
  for (const snippets of byPath.values()) {
    const sorted = [...snippets].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
    let current: ContextSnippet | undefined;
    for (const snippet of sorted) {
      if (current && snippet.startLine <= current.endLine + MERGE_GAP_LINES) {
        current = join(current, snippet, fileLines(snippet.path));
      } else {
        if (current) merged.push(current);
        current = snippet;
      }
    }
    if (current) merged.push(current);
  }
  return merged;
}

/** One snippet covering both; it keeps the reason and symbol of the more relevant one. */
function join(a: ContextSnippet, b: ContextSnippet, lines: readonly string[]): ContextSnippet {
  const lead = b.score > a.score ? b : a;
  const startLine = Math.min(a.startLine, b.startLine);
  const endLine = Math.max(a.endLine, b.endLine);
  return { ...lead, startLine, endLine, lines: lines.slice(startLine - 1, endLine), score: lead.score + 1 };
}
