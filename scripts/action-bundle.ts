import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { grammarFileName, packagedWasmPath, RUNTIME_WASM } from '../src/context/grammar-files.js';
import { LANGUAGE_IDS } from '../src/context/languages.js';

export const ROOT = join(import.meta.dirname, '..');
/** Where the Action's bundle is committed; action.yml runs `dist-action/index.js`. */
export const ACTION_DIR = join(ROOT, 'dist-action');

/** Packages the Action must never carry: it has no store and no queue. */
export const NOT_IN_THE_ACTION = ['better-sqlite3', 'bullmq', 'ioredis'];

/**
 * Builds the GitHub Action into `outDir`: one ES module with every dependency inside (a workflow
 * runs it with no `npm install`), and the WebAssembly runtime and grammars gzipped in
 * `grammars/`; the tree-sitter queries it reads from the checkout's src/context/queries. The
 * bundle is deterministic — no timestamps, no source map — so a rebuild from the same sources is
 * byte for byte the committed one (test/action checks it).
 */
export async function buildActionBundle(outDir: string): Promise<Metafile> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/action/main.ts'],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    minify: true,
    // Error classes are matched by their literal names, and stack traces stay readable.
    keepNames: true,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
    // Packages written as CommonJS call require() for Node's own modules, which an ES module lacks.
    banner: {
      js: "import { createRequire as __siftCreateRequire } from 'node:module'; globalThis.require ??= __siftCreateRequire(import.meta.url);",
    },
  });
  const bundled = Object.keys(metafile.inputs);
  const forbidden = NOT_IN_THE_ACTION.filter((name) =>
    bundled.some((input) => input.includes(`node_modules/${name}/`)),
  );
  if (forbidden.length > 0) throw new Error(`the Action's bundle must not contain ${forbidden.join(', ')}`);
  mkdirSync(join(outDir, 'grammars'));
  for (const file of [RUNTIME_WASM, ...new Set(LANGUAGE_IDS.map(grammarFileName))]) {
    writeFileSync(
      join(outDir, 'grammars', `${file}.gz`),
      gzipSync(readFileSync(packagedWasmPath(file)), { level: 9 }),
    );
  }
  return metafile;
}
