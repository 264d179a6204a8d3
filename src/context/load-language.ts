import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Language, Parser, Query } from 'web-tree-sitter';
import { grammarSource, QUERY_DIRECTORY, runtimeOptions } from './grammar-files.js';
import type { LanguageId } from './languages.js';
import { splitQueryPatterns } from './split-query-patterns.js';

/** Query files by language; TSX shares TypeScript's, since its grammar extends TypeScript's. */
function queryPath(id: LanguageId): string {
  return join(QUERY_DIRECTORY, `${id === 'tsx' ? 'typescript' : id}.scm`);
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
      initialised ??= runtimeOptions().then((options) => Parser.init(options));
      await initialised;
      const language = await Language.load(await grammarSource(id));
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
