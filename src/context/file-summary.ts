/** What kind of thing a definition introduces, from the `@definition.<kind>` capture. */
export type DefinitionKind =
  | 'function'
  | 'method'
  | 'class'
  | 'interface'
  | 'type'
  | 'enum'
  | 'constant'
  | 'variable'
  | 'module';

export interface Definition {
  readonly name: string;
  readonly kind: DefinitionKind;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** The definition's head — everything before its body, whitespace collapsed — to compare versions. */
  readonly signature: string;
}

export interface ImportBinding {
  /** The name as the imported module defines it; `*` for the module itself. */
  readonly name: string;
  /** The name the importing file uses, when it differs. */
  readonly alias: string | null;
}

export interface ImportRef {
  /** The module as written: a relative path, a package, a dotted name. */
  readonly source: string;
  readonly bindings: readonly ImportBinding[];
  readonly line: number;
  /** `export … from`: the file passes the module's symbols on to its own importers. */
  readonly reexport: boolean;
}

export interface CallRef {
  readonly name: string;
  readonly line: number;
}

/** What Sift knows about one file's symbols; computed once per file content. */
export interface FileSummary {
  readonly definitions: readonly Definition[];
  readonly imports: readonly ImportRef[];
  /** Calls, when asked for: only the files a change touches need them (they cost a second query). */
  readonly calls?: readonly CallRef[];
  /** True when the parse had syntax errors (the summary is then best effort). */
  readonly hasErrors: boolean;
}

export const EMPTY_SUMMARY: FileSummary = { definitions: [], imports: [], hasErrors: false };
