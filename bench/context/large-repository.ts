/**
 * Part of `npm run bench:context`, run in its own process: builds a repository of 5,000 real
 * files around a real pull request, then times its context cold (fresh process, nothing cached,
 * the repository read from disk) and warm (same process, same snapshot), indexes it in full, and
 * prints one JSON line with the figures and the process's peak memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSymbolCaches, createSymbolIndex } from '../../src/context/symbol-index.js';
import { parseUnifiedDiff } from '../../src/diff/parse-unified-diff.js';
import { createFixtureRepository } from '../../src/repository/fixture-repository.js';
import { buildContext } from '../../src/review/build-context/build-context.js';
import { selectFiles } from '../../src/review/select-files/select-files.js';
import { type CorpusFile, loadCorpus } from './corpus.js';
import { loadRecallCases } from './recall-cases.js';

const REPOSITORY_FILES = 5_000;
const BUDGET = 8_000;

/** A 5,000-file repository: a real pull request's repository, filled up with corpus files. */
function buildLargeRepository(
  corpus: readonly CorpusFile[],
  recallRepository: { dir: string; base: string; head: string } | null,
) {
  const root = mkdtempSync(join(tmpdir(), 'sift-bench-repo-'));
  const write = (commit: string, path: string, text: string) => {
    const target = join(root, commit, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
  let count = 0;
  let diff = '';
  if (recallRepository) {
    const { dir, base, head } = recallRepository;
    for (const [commit, ref] of [
      ['base', base],
      ['head', head],
    ] as const) {
      const listing = execFileSync('git', ['-C', dir, 'ls-tree', '-r', '-z', '--name-only', ref], {
        encoding: 'utf8',
      });
      for (const path of listing.split('\0').filter(Boolean)) {
        write(
          commit,
          path,
          execFileSync('git', ['-C', dir, 'show', `${ref}:${path}`], { maxBuffer: 64 << 20 }).toString(
            'utf8',
          ),
        );
        if (commit === 'head') count += 1;
      }
    }
    diff = execFileSync('git', ['-C', dir, 'diff', base, head], { encoding: 'utf8' });
  }
  for (const file of corpus) {
    if (count >= REPOSITORY_FILES) break;
    const path = `third/${file.path}`;
    write('base', path, file.text);
    write('head', path, file.text);
    count += 1;
  }
  return { root, diff, files: count };
}

const corpus = loadCorpus();
const cases = loadRecallCases();
const planted =
  cases.find((item) => item.id === 'typescript__immer__each-callback-order') ?? cases[0] ?? null;
const large = buildLargeRepository(
  corpus,
  planted ? { dir: planted.repository, base: planted.baseRef, head: planted.headRef } : null,
);
for (const item of cases) rmSync(item.repository, { recursive: true, force: true });
const { selected } = selectFiles(parseUnifiedDiff(large.diff), { paths: { ignore: [] } });

const caches = createSymbolCaches();
const coldStart = performance.now();
const snapshot = await createFixtureRepository(large.root).snapshot('head');
const context = await buildContext({ files: selected, budget: BUDGET }, { snapshot, caches });
const coldMs = performance.now() - coldStart;
const warmStart = performance.now();
await buildContext({ files: selected, budget: BUDGET }, { snapshot, caches });
const warmMs = performance.now() - warmStart;
const indexStart = performance.now();
await createSymbolIndex(snapshot, caches).indexAll();
const fullIndexMs = performance.now() - indexStart;
if (!process.env.KEEP) rmSync(large.root, { recursive: true, force: true });
else console.error(large.root);

console.log(
  JSON.stringify({
    files: large.files,
    planted: planted?.id ?? 'no pull request planted',
    cold_ms: Math.round(coldMs),
    warm_ms: Math.round(warmMs),
    snippets: context.snippets.length,
    tokens: context.tokens,
    full_index_ms: Math.round(fullIndexMs),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
