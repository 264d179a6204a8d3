import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { detectLanguage, type LanguageId } from '../../src/context/languages.js';
import { MAX_CONTEXT_FILE_BYTES } from '../../src/repository/repository-reader.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EVAL_DIR = resolve(ROOT, '../shared/eval');

export interface CorpusFile {
  /** Unique within the corpus: `<origin>/<path in origin>`. */
  readonly path: string;
  readonly language: LanguageId;
  readonly text: string;
}

/**
 * Real source code available offline: the head commit of every repository in ../shared/eval and
 * the packages installed in node_modules, in every language Sift parses. Sorted by path, so every
 * run measures the same files in the same order.
 */
export function loadCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  if (existsSync(EVAL_DIR)) {
    const seen = new Set<string>();
    for (const id of readdirSync(EVAL_DIR).sort()) {
      const bundle = join(EVAL_DIR, id, 'repo.bundle');
      if (!existsSync(bundle)) continue;
      // Cases share repositories (several per package); take each package's files once.
      const origin = id.split('__').slice(0, 2).join('__');
      if (seen.has(origin)) continue;
      seen.add(origin);
      for (const [path, text] of filesOfBundle(bundle)) add(files, `eval/${origin}/${path}`, text);
    }
  }
  const modules = join(ROOT, 'node_modules');
  for (const absolute of walk(modules)) {
    const size = statSync(absolute).size;
    if (size === 0 || size > MAX_CONTEXT_FILE_BYTES) continue;
    add(files, `npm/${relative(modules, absolute)}`, readFileSync(absolute, 'utf8'));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function add(files: CorpusFile[], path: string, text: string): void {
  const language = detectLanguage(path);
  if (language && !/\.min\.js$/.test(path)) files.push({ path, language, text });
}

/** The files of a bundle's head commit, from a temporary clone (a bundle is not a repository git can read in place). */
function filesOfBundle(bundle: string): Array<[string, string]> {
  const clone = mkdtempSync(join(tmpdir(), 'sift-corpus-'));
  try {
    execFileSync('git', ['clone', '-q', bundle, clone]);
    const result: Array<[string, string]> = [];
    for (const absolute of walk(clone)) {
      const path = relative(clone, absolute);
      if (path.startsWith('.git/') || statSync(absolute).size > MAX_CONTEXT_FILE_BYTES) continue;
      result.push([path, readFileSync(absolute, 'utf8')]);
    }
    return result;
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

function* walk(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (entry.name === '.git') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && detectLanguage(entry.name)) yield path;
  }
}
