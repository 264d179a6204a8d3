/** Why a piece of code from outside the diff is worth showing the model, most important first. */
export type SnippetReason =
  | 'caller-of-removed' // uses a symbol the change removes or renames
  | 'caller-of-changed-signature' // calls a symbol whose signature the change modifies
  | 'user-of-removed-text' // contains a name or string the change removes (config keys, map entries)
  | 'caller-of-changed-body' // uses a symbol whose body the change modifies
  | 'enclosing-symbol' // the whole function or class a hunk sits in
  | 'user-of-shared-name' // uses a shared constant, variable or type that the changed lines also use
  | 'definition-used' // the definition of a symbol the changed lines use
  | 'related-test'; // a test that exercises a changed symbol

export interface ContextSnippet {
  readonly path: string;
  /** 1-based, inclusive, lines of the head version. */
  readonly startLine: number;
  readonly endLine: number;
  readonly reason: SnippetReason;
  /** The symbol the snippet is about, e.g. the changed function its lines call. */
  readonly symbol: string;
  /** Higher is more relevant; ties break on path and line, so packing is deterministic. */
  readonly score: number;
  readonly lines: readonly string[];
}

export interface ReviewContext {
  /** Snippets packed into the budget, in the order the prompt shows them. */
  readonly snippets: readonly ContextSnippet[];
  readonly tokens: number;
  readonly budget: number;
  /** Relevant snippets that did not fit the budget. */
  readonly omitted: number;
}

export const EMPTY_CONTEXT: ReviewContext = { snippets: [], tokens: 0, budget: 0, omitted: 0 };
