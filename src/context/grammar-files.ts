import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../package-root.js';
import type { LanguageId } from './languages.js';

const require = createRequire(import.meta.url);

/** The tree-sitter runtime's own WebAssembly module, which web-tree-sitter loads on `Parser.init`. */
export const RUNTIME_WASM = 'web-tree-sitter.wasm';

/** The file name of a language's grammar, as its npm package ships it. */
export function grammarFileName(id: LanguageId): string {
  return id === 'csharp' ? 'tree-sitter-c-sharp.wasm' : `tree-sitter-${id}.wasm`;
}

/** Where a grammar, or the runtime (`RUNTIME_WASM`), is in node_modules: every one ships inside an npm package. */
export function packagedWasmPath(file: string): string {
  if (file === RUNTIME_WASM) return join(dirname(require.resolve('web-tree-sitter')), RUNTIME_WASM);
  if (file === 'tree-sitter-c.wasm')
    return join(dirname(require.resolve('tree-sitter-c/package.json')), file);
  return join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm', file);
}

/**
 * A bundle (the GitHub Action's dist-action/) runs without node_modules, so it carries its
 * WebAssembly files gzipped in `grammars/` next to it — a tenth of their size. Installed from npm
 * (src/, dist/) there is no such folder.
 */
const BUNDLED_DIRECTORY = join(import.meta.dirname, 'grammars');
const bundled = existsSync(BUNDLED_DIRECTORY);

/**
 * The folder of the tree-sitter queries (`<language>.scm`). dist/ has its copy beside the compiled
 * module, as src/ does. The bundle runs from a checkout of this repository (`uses:
 * owner/sift@v1` fetches all of it), so it reads them from the sources rather than carrying a
 * second copy.
 */
export const QUERY_DIRECTORY = bundled
  ? join(PACKAGE_ROOT, 'src', 'context', 'queries')
  : join(import.meta.dirname, 'queries');

/**
 * A grammar as `Language.load` takes it: its path in node_modules, or the bytes of the bundled
 * copy.
 */
export async function grammarSource(id: LanguageId): Promise<string | Uint8Array> {
  const file = grammarFileName(id);
  return bundled ? readBundled(file) : packagedWasmPath(file);
}

/** The options `Parser.init` takes: none from npm, where web-tree-sitter finds its module itself. */
export async function runtimeOptions(): Promise<{ wasmBinary?: Uint8Array }> {
  return bundled ? { wasmBinary: await readBundled(RUNTIME_WASM) } : {};
}

async function readBundled(file: string): Promise<Uint8Array> {
  return gunzipSync(await readFile(join(BUNDLED_DIRECTORY, `${file}.gz`)));
}
