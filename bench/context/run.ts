/**
 * npm run bench:context — the context engine on real code, in one run:
 *   raw tree-sitter parse throughput on the corpus, and Sift's indexing throughput on the same
 *   files; warm re-index after one file changes; the context of a pull request on a repository of
 *   5,000 files, cold and warm; peak memory; and context recall on the labelled cross-file cases.
 * Ends with one line of JSON holding every figure.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadLanguage } from '../../src/context/load-language.js';
import { createSymbolCaches, createSymbolIndex } from '../../src/context/symbol-index.js';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import { gitBlobId } from '../../src/repository/git-blob-id.js';
import { createLocalGitRepository } from '../../src/repository/local-git-repository.js';
import type { RepoFile, RepositorySnapshot } from '../../src/repository/repository-reader.js';
import { buildContext } from '../../src/review/build-context/build-context.js';
import { selectFiles } from '../../src/review/select-files/select-files.js';
import { type CorpusFile, loadCorpus } from './corpus.js';
import { loadRecallCases } from './recall-cases.js';

const DEFAULT_BUDGET = 8_000; // the default of `context.tokenBudget`

const mb = (bytes: number) => bytes / 1024 / 1024;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function snapshotOf(files: readonly CorpusFile[], commit = 'corpus'): RepositorySnapshot {
  const map = new Map<string, RepoFile>();
  const texts = new Map<string, string>();
  for (const file of files) {
    map.set(file.path, { path: file.path, id: gitBlobId(Buffer.from(file.text)), size: file.text.length });
    texts.set(file.path, file.text);
  }
  return { commit, files: map, read: async (path) => texts.get(path) ?? null };
}

async function measureRawParse(corpus: readonly CorpusFile[]): Promise<number> {
  for (const file of corpus) await loadLanguage(file.language); // grammar loading is not parsing
  const start = performance.now();
  for (const file of corpus) {
    const { parser } = await loadLanguage(file.language);
    parser.parse(file.text)?.delete();
  }
  return performance.now() - start;
}

async function measureIndex(
  snapshot: RepositorySnapshot,
): Promise<{ ms: number; caches: ReturnType<typeof createSymbolCaches> }> {
  const caches = createSymbolCaches();
  const start = performance.now();
  await createSymbolIndex(snapshot, caches).indexAll();
  return { ms: performance.now() - start, caches };
}

async function main() {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const corpus = loadCorpus();
  const bytes = corpus.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  log(`corpus: ${corpus.length} files, ${mb(bytes).toFixed(1)} MB (../shared/eval heads + node_modules)`);

  // 1. Raw parse vs Sift's indexing, same files; best of two runs each to keep noise out.
  const rawMs = Math.min(await measureRawParse(corpus), await measureRawParse(corpus));
  const snapshot = snapshotOf(corpus);
  const first = await measureIndex(snapshot);
  const second = await measureIndex(snapshot);
  const cold = first.ms < second.ms ? first : second;
  const rawMbS = mb(bytes) / (rawMs / 1000);
  const indexMbS = mb(bytes) / (cold.ms / 1000);
  log(`raw tree-sitter parse: ${rawMbS.toFixed(2)} MB/s (${rawMs.toFixed(0)} ms)`);
  log(
    `Sift indexing (parse + queries + identifiers): ${indexMbS.toFixed(2)} MB/s (${cold.ms.toFixed(0)} ms), ${(indexMbS / rawMbS).toFixed(2)}x raw`,
  );

  // 2. Warm re-index: one file changes, the same caches serve the rest.
  const changed = corpus.map((file, index) =>
    index === Math.floor(corpus.length / 2) ? { ...file, text: `${file.text}\n// edited\n` } : file,
  );
  const parsedBefore = cold.caches.parsed;
  const warmStart = performance.now();
  await createSymbolIndex(snapshotOf(changed, 'edited'), cold.caches).indexAll();
  const warmMs = performance.now() - warmStart;
  log(
    `warm re-index after one file changed: ${warmMs.toFixed(1)} ms (${cold.caches.parsed - parsedBefore} file parsed), ${(cold.ms / warmMs).toFixed(0)}x faster than cold`,
  );

  // 3. Context of a pull request on a 5,000-file repository, in a fresh process so that its
  //    cold start is really cold and its peak memory is its own.
  const largeRun = JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, join(import.meta.dirname, 'large-repository.ts')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    }),
  ) as {
    files: number;
    planted: string;
    cold_ms: number;
    warm_ms: number;
    snippets: number;
    tokens: number;
    full_index_ms: number;
    peak_rss_mb: number;
  };
  log(
    `context on a ${largeRun.files}-file repository (${largeRun.planted}): cold ${largeRun.cold_ms} ms (reading the repository included), warm ${largeRun.warm_ms} ms; ${largeRun.snippets} snippets, ${largeRun.tokens} tokens`,
  );
  log(
    `  then the full index of that repository: ${largeRun.full_index_ms} ms; peak memory of that process: ${largeRun.peak_rss_mb} MB`,
  );

  const recall = loadRecallCases();
  // 4. Recall: is the code that reveals each defect in the packed context?
  let recalled = 0;
  let neededItems = 0;
  let coveredItems = 0;
  const tokens: number[] = [];
  for (const item of recall) {
    const repository = createLocalGitRepository(item.repository);
    const diff = execFileSync('git', ['-C', item.repository, 'diff', item.baseRef, item.headRef], {
      encoding: 'utf8',
    });
    const head = execFileSync('git', ['-C', item.repository, 'rev-parse', item.headRef], {
      encoding: 'utf8',
    }).trim();
    const { selected: files } = selectFiles(parseUnifiedDiff(diff), { paths: { ignore: [] } });
    const context = await buildContext(
      { files, budget: DEFAULT_BUDGET },
      { snapshot: await repository.snapshot(head), caches: createSymbolCaches() },
    );
    const covered = item.needed.map((need) =>
      context.snippets.some(
        (snippet) =>
          snippet.path === need.path &&
          snippet.startLine <= need.start_line &&
          snippet.endLine >= need.end_line,
      ),
    );
    neededItems += covered.length;
    coveredItems += covered.filter(Boolean).length;
    if (covered.every(Boolean)) recalled += 1;
    tokens.push(context.tokens);
    log(
      `  ${covered.every(Boolean) ? 'found ' : 'MISSED'} ${item.id} (${item.language}): ${covered.filter(Boolean).length}/${covered.length} needed snippets, ${context.tokens} tokens`,
    );
    rmSync(item.repository, { recursive: true, force: true });
  }
  const recallShare = recall.length > 0 ? recalled / recall.length : 0;
  const medianTokens = [...tokens].sort((a, b) => a - b)[Math.floor(tokens.length / 2)] ?? 0;
  log(
    `context recall: ${recalled}/${recall.length} cases (${coveredItems}/${neededItems} needed snippets) at ${DEFAULT_BUDGET} tokens; median context ${medianTokens} tokens`,
  );

  console.log(
    JSON.stringify({
      raw_parse_mb_s: round(rawMbS),
      index_mb_s: round(indexMbS),
      index_vs_raw: round(indexMbS / rawMbS),
      warm_speedup: round(cold.ms / warmMs, 1),
      context_cold_ms: largeRun.cold_ms,
      context_warm_ms: largeRun.warm_ms,
      peak_rss_mb: largeRun.peak_rss_mb,
      recall: round(recallShare, 3),
      recall_cases: recall.length,
      context_tokens: medianTokens,
    }),
  );
}

await main();
