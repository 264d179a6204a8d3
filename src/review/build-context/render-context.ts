import { codeLinesForModel } from '../../llm/code-lines-for-model.js';
import type { ContextSnippet, ReviewContext, SnippetReason } from './context-types.js';

const WHY: Record<SnippetReason, (symbol: string) => string> = {
  'caller-of-removed': (symbol) => `uses ${symbol}, which this change removes or renames`,
  'caller-of-changed-signature': (symbol) => `uses ${symbol}, whose signature this change modifies`,
  'user-of-removed-text': (symbol) => `still mentions "${symbol}", which this change removes`,
  'caller-of-changed-body': (symbol) => `uses ${symbol}, whose behaviour this change modifies`,
  'enclosing-symbol': (symbol) => `all of ${symbol}, where the change is`,
  'user-of-shared-name': (symbol) => `also uses ${symbol}, as the changed lines do`,
  'definition-used': (symbol) => `definition of ${symbol}, which the change uses`,
  'related-test': (symbol) => `a test that uses ${symbol}`,
};

/**
 * One snippet as the model sees it: where it is, why it is here, and its lines numbered, with
 * secrets redacted and hidden characters shown as escapes.
 */
export function renderSnippet(snippet: ContextSnippet): string {
  const width = String(snippet.endLine).length;
  const lines = codeLinesForModel(snippet.lines).map(
    (line, index) => `${String(snippet.startLine + index).padStart(width)}| ${line}`,
  );
  const why = WHY[snippet.reason](snippet.symbol).replace(/"/g, "'");
  return [
    `<snippet cite="${snippet.path}:${snippet.startLine}-${snippet.endLine}" why="${why}">`,
    ...lines,
    '</snippet>',
  ].join('\n');
}

/** The packed context for the prompt; "(none)" when there is nothing beyond the diff. */
export function renderContext(context: ReviewContext): string {
  if (context.snippets.length === 0) return '(none)';
  return context.snippets.map(renderSnippet).join('\n\n');
}
