import { gitBlobId } from '../repository/git-blob-id.js';
import type { RepositorySnapshot } from '../repository/repository-reader.js';
import type { Definition, FileSummary } from './file-summary.js';
import { EMPTY_SUMMARY } from './file-summary.js';
import { detectLanguage, type LanguageId } from './languages.js';
import { LruCache } from './lru-cache.js';
import { moduleReferences } from './module-references.js';
import { resolveImport } from './resolve-import.js';
import { summarizeFile } from './summarize-file.js';
import { tokenizeIdentifiers } from './tokenize-identifiers.js';

/**
 * Parsed summaries and identifier sets keyed by content id. Shared by every snapshot of every
 * repository in the process, so a file is parsed once per content: unchanged files are never
 * parsed again across pushes and pull requests.
 */
export interface SymbolCaches {
  readonly summaries: LruCache<string, FileSummary>;
  readonly identifiers: LruCache<string, ReadonlySet<string>>;
  /** How many files were actually parsed (not served from the cache); for tests and benchmarks. */
  parsed: number;
}

export function createSymbolCaches(maxFiles = 200_000): SymbolCaches {
  return { summaries: new LruCache(maxFiles), identifiers: new LruCache(maxFiles), parsed: 0 };
}

/**
 * The summary of one content in one language: from the cache, or parsed and cached. A summary
 * asked for with its calls replaces one cached without them.
 */
async function cachedSummary(
  caches: SymbolCaches,
  language: LanguageId,
  contentId: string,
  read: () => Promise<string | null>,
  options: { calls?: boolean } = {},
): Promise<FileSummary> {
  const key = `${language}:${contentId}`;
  const cached = caches.summaries.get(key);
  if (cached && (!options.calls || cached.calls)) return cached;
  const text = await read();
  const summary = text === null ? EMPTY_SUMMARY : await summarizeFile(text, language, options);
  caches.parsed += 1;
  caches.summaries.set(key, summary);
  return summary;
}

/** Summarises text that is not a file of the snapshot (a base version rebuilt from a patch), with the same cache. */
export async function summarizeText(text: string, path: string, caches: SymbolCaches): Promise<FileSummary> {
  const language = detectLanguage(path);
  if (!language || text === '') return EMPTY_SUMMARY;
  return cachedSummary(caches, language, gitBlobId(Buffer.from(text, 'utf8')), async () => text);
}

export interface DefinitionAt {
  readonly path: string;
  readonly definition: Definition;
}

/**
 * The symbol index of one repository snapshot: definitions by name, calls, imports and the import
 * graph. It is lazy — a file is tokenised when a question could concern it and parsed only when
 * its identifiers say it can answer — which keeps a pull request's context fast on a cold
 * repository of thousands of files; `indexAll` parses everything up front.
 */
export interface SymbolIndex {
  readonly snapshot: RepositorySnapshot;
  /** With `calls`, the summary also lists the file's calls (parsed once with the rest). */
  summaryOf(path: string, options?: { calls?: boolean }): Promise<FileSummary>;
  identifiersOf(path: string): Promise<ReadonlySet<string>>;
  /** Files whose text contains the identifier, in path order. */
  filesMentioning(name: string): Promise<string[]>;
  definitionsNamed(name: string, within?: readonly string[]): Promise<DefinitionAt[]>;
  /** Repository files an import of `path` refers to. */
  resolveImport(path: string, source: string): string[];
  /**
   * The files that import `target`, directly or through files that re-export it (barrels such
   * as `index.ts` and `__init__.py`); for Go, the other files of its package.
   */
  importersOf(target: string): Promise<ReadonlySet<string>>;
  indexAll(): Promise<void>;
}

// Re-export chains are followed through at most this many barrels, which bounds the work on
// repositories where everything re-exports everything.
const MAX_BARREL_DEPTH_FILES = 12;

/**
 * Names an import of this file would contain, with the folder the importing file must be under:
 * its base name; for an index file, its folder's name (`./resources` imports `resources/index.ts`),
 * and its own name only from inside that folder (`./index.js`, `../index.js`): a path from outside
 * names the folder, and searching every file for "index" would not narrow.
 */
function moduleNames(path: string): Array<{ name: string; within: string }> {
  const parts = path.split('/');
  const file = (parts.at(-1) ?? '').replace(/\.[^.]+$/, '').replace(/\.d$/, '');
  const folder = parts.at(-2);
  const isIndex = ['index', '__init__', 'mod', 'main', 'lib'].includes(file);
  const names =
    isIndex && folder
      ? [
          { name: folder, within: '' },
          { name: file, within: `${parts.slice(0, -1).join('/')}/` },
        ]
      : [{ name: file, within: '' }];
  return names.filter(({ name }) => /^[A-Za-z_$][\w$]*$/.test(name));
}

export function createSymbolIndex(snapshot: RepositorySnapshot, caches: SymbolCaches): SymbolIndex {
  const paths = [...snapshot.files.keys()].sort();
  const exists = (path: string) => snapshot.files.has(path);

  const identifiersOf = async (path: string): Promise<ReadonlySet<string>> => {
    const file = snapshot.files.get(path);
    if (!file) return new Set();
    const cached = caches.identifiers.get(file.id);
    if (cached) return cached;
    const identifiers = tokenizeIdentifiers((await snapshot.read(path)) ?? '');
    caches.identifiers.set(file.id, identifiers);
    return identifiers;
  };

  const summaryOf = async (path: string, options: { calls?: boolean } = {}): Promise<FileSummary> => {
    const file = snapshot.files.get(path);
    const language = detectLanguage(path);
    if (!file || !language) return options.calls ? { ...EMPTY_SUMMARY, calls: [] } : EMPTY_SUMMARY;
    return cachedSummary(caches, language, file.id, () => snapshot.read(path), options);
  };

  // Built once per snapshot: every file's identifier set, so each lookup is a pass over sets.
  let mentionTable: Promise<Array<readonly [string, ReadonlySet<string>]>> | undefined;
  const mentions = new Map<string, string[]>();
  const filesMentioning = async (name: string): Promise<string[]> => {
    mentionTable ??= (async () => {
      const rows: Array<readonly [string, ReadonlySet<string>]> = [];
      for (const path of paths) rows.push([path, await identifiersOf(path)]);
      return rows;
    })();
    const rows = await mentionTable;
    let found = mentions.get(name);
    if (!found) {
      found = rows.filter(([, identifiers]) => identifiers.has(name)).map(([path]) => path);
      mentions.set(name, found);
    }
    return found;
  };

  // Files of a folder import the same modules over and over; resolve each (folder, source) once.
  const resolved = new Map<string, string[]>();
  const resolve = (path: string, source: string): string[] => {
    const language = detectLanguage(path);
    if (!language) return [];
    const key = `${language}\0${path.slice(0, path.lastIndexOf('/') + 1)}\0${source}`;
    let targets = resolved.get(key);
    if (!targets) {
      targets = resolveImport(path, source, language, exists, () => paths);
      resolved.set(key, targets);
    }
    return targets;
  };

  // Targets in one folder share their module names, so many ask about the same file and name.
  const references = new Map<string, Promise<string[]>>();
  const referencesIn = (path: string, name: string): Promise<string[]> => {
    const key = `${path}\0${name}`;
    let found = references.get(key);
    if (!found) {
      found = snapshot.read(path).then((text) => moduleReferences(text ?? '', name));
      references.set(key, found);
    }
    return found;
  };

  const importers = new Map<string, Promise<ReadonlySet<string>>>();
  /** Importers are found among files that mention the module's name, so only those are parsed. */
  const findImporters = async (target: string, visited: Set<string>): Promise<ReadonlySet<string>> => {
    const result = new Set<string>();
    if (target.endsWith('.go')) {
      // A Go package is its folder: its other files see every name, and files elsewhere import the
      // folder's path (`github.com/acme/app/mux`), which names the folder.
      const folder = target.slice(0, target.lastIndexOf('/') + 1);
      const packageName = folder.split('/').filter(Boolean).at(-1);
      for (const path of paths) {
        if (path === target || !path.endsWith('.go')) continue;
        if (path.slice(0, path.lastIndexOf('/') + 1) === folder) result.add(path);
      }
      if (packageName) {
        for (const path of await filesMentioning(packageName)) {
          if (result.has(path) || path === target || !path.endsWith('.go')) continue;
          const imports = (await summaryOf(path)).imports;
          if (imports.some((ref) => resolve(path, ref.source).includes(target))) result.add(path);
        }
      }
      return result;
    }
    // Only files with a module reference that resolves to the target are parsed: the reference is
    // a quoted path or a dotted module name containing the target's name (`./utils/common`,
    // `from .common import`), which is checked with the language's resolution rules first.
    const candidates = new Set<string>();
    for (const { name, within } of moduleNames(target)) {
      for (const path of await filesMentioning(name)) {
        if (path === target || !path.startsWith(within)) continue;
        const found = await referencesIn(path, name);
        if (found.some((reference) => resolve(path, reference).includes(target))) {
          candidates.add(path);
        }
      }
    }
    for (const path of candidates) {
      const summary = await summaryOf(path);
      const edge = summary.imports.find((ref) => resolve(path, ref.source).includes(target));
      if (!edge) continue;
      result.add(path);
      const barrel = edge.reexport || /(^|\/)__init__\.py$/.test(path);
      if (barrel && !visited.has(path) && visited.size < MAX_BARREL_DEPTH_FILES) {
        visited.add(path);
        for (const indirect of await findImporters(path, visited)) result.add(indirect);
      }
    }
    return result;
  };

  return {
    snapshot,
    summaryOf,
    identifiersOf,
    filesMentioning,
    async definitionsNamed(name, within) {
      const candidates = within ?? (await filesMentioning(name));
      const found: DefinitionAt[] = [];
      for (const path of candidates) {
        for (const definition of (await summaryOf(path)).definitions) {
          if (definition.name === name) found.push({ path, definition });
        }
      }
      return found;
    },
    resolveImport: resolve,
    importersOf(target) {
      let found = importers.get(target);
      if (!found) {
        found = findImporters(target, new Set([target]));
        importers.set(target, found);
      }
      return found;
    },
    async indexAll() {
      for (const path of paths) {
        await identifiersOf(path);
        await summaryOf(path);
      }
    },
  };
}
