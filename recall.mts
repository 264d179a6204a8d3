import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createSymbolCaches } from './src/context/symbol-index.ts';
import { parseUnifiedDiff } from './src/diff/parse-unified-diff.ts';
import { createLocalGitRepository } from './src/repository/local-git-repository.ts';
import { buildContext } from './src/review/build-context/build-context.ts';
import { selectFiles } from './src/review/select-files/select-files.ts';
import { cloneEvalBundle, evalCaseIds, readEvalCase } from './test/support/eval-cases.ts';

const caches = createSymbolCaches();
for (const id of evalCaseIds()) {
  const c = readEvalCase(id);
  if (c.caseJson.kind !== 'cross-file') continue;
  const dir = cloneEvalBundle(id);
  const head = execFileSync('git', ['-C', dir, 'rev-parse', 'origin/head'], { encoding: 'utf8' }).trim();
  const files = parseUnifiedDiff(c.prDiff);
  const { selected } = selectFiles(files, { paths: { ignore: [] } });
  const t = performance.now();
  const snapshot = await createLocalGitRepository(dir).snapshot(head);
  const ctx = await buildContext(
    { files: selected, budget: Number(process.env.BUDGET ?? 8000) },
    { snapshot, caches },
  );
  const ms = performance.now() - t;
  const needed = c.caseJson.needed_context as Array<{
    path: string;
    start_line: number;
    end_line: number;
    symbol: string;
  }>;
  const covered = needed.map((n) =>
    ctx.snippets.some((s) => s.path === n.path && s.startLine <= n.start_line && s.endLine >= n.end_line),
  );
  console.log(
    id,
    covered.every(Boolean) ? 'OK ' : 'MISS',
    covered.map(Number).join(''),
    `${ctx.snippets.length} snippets ${ctx.tokens} tok omitted ${ctx.omitted} ${ms.toFixed(0)}ms`,
  );
  if (process.env.V)
    for (const s of ctx.snippets)
      console.log('   ', s.score, s.reason, s.symbol, `${s.path}:${s.startLine}-${s.endLine}`);
  if (process.env.V)
    for (const n of needed) console.log('   need', `${n.path}:${n.start_line}-${n.end_line}`);
}
