import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';
import type { LanguageId } from './languages.js';
import { splitQueryPatterns } from './split-query-patterns.js';

const require = createRequire(import.meta.url);

/** Where each grammar's WebAssembly file comes from; all ship inside npm packages, nothing is downloaded. */
function grammarPath(id: LanguageId): string {
  if (id === 'c') return join(dirname(require.resolve('tree-sitter-c/package.json')), 'tree-sitter-c.wasm');
  const vscode = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  const file = id === 'csharp' ? 'c-sharp' : id;
  return join(vscode, `tree-sitter-${file}.wasm`);
}

/** Query files by language; TSX shares TypeScript's, since its grammar extends TypeScript's. */
function queryPath(id: LanguageId): string {
  return join(import.meta.dirname, 'queries', `${id === 'tsx' ? 'typescript' : id}.scm`);
}

export interface LoadedLanguage {
  readonly id: LanguageId;
  readonly parser: Parser;
  /** Definitions and imports: run on every file the symbol index reads. */
  readonly symbolQuery: Query;
  /** Calls and other references: run only on the files a change touches. */
  readonly referenceQuery: Query;
}

let initialised: Promise<void> | undefined;
const loaded = new Map<LanguageId, Promise<LoadedLanguage>>();

/**
 * A parser and the compiled symbol query for a language, loaded once per process. Loading a
 * grammar compiles its WebAssembly module, which is the slow part; every later call is a lookup.
 */
export function loadLanguage(id: LanguageId): Promise<LoadedLanguage> {
  let entry = loaded.get(id);
  if (!entry) {
    entry = (async () => {
      initialised ??= Parser.init();
      await initialised;
      const language = await Language.load(grammarPath(id));
      const parser = new Parser();
      parser.setLanguage(language);
      const patterns = splitQueryPatterns(readFileSync(queryPath(id), 'utf8'));
      const isReference = (pattern: string) => /@reference\./.test(pattern);
      return {
        id,
        parser,
        symbolQuery: new Query(language, patterns.filter((pattern) => !isReference(pattern)).join('\n')),
        referenceQuery: new Query(language, patterns.filter(isReference).join('\n')),
      };
    })();
    loaded.set(id, entry);
  }
  return entry;
}
