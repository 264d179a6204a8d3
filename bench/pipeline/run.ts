/**
 * npm run bench:pipeline — the review pipeline with a fake model of fixed latency, in one run:
 *   a 4-pass review's wall time relative to a 1-pass review (passes run concurrently);
 *   the pipeline's own time for a 30-file pull request, model latency excluded;
 *   the share of prompt tokens that are an identical prefix across the passes (what providers'
 *   prompt caches can serve).
 * Ends with one line of JSON holding every figure.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import { countTokens } from '../../src/llm/count-tokens.js';
import type { ModelRequest } from '../../src/llm/model-client.js';
import { loadLocalChange } from '../../src/repository/load-local-change.js';
import { createLocalGitRepository } from '../../src/repository/local-git-repository.js';
import { reviewChange } from '../../src/review/review-change.js';
import type { Change } from '../../src/review/types.js';
import { createScriptedModel, finding, type ModelScript } from '../../test/support/scripted-model.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LATENCY_MS = 400; // a fast hosted model's time to a short structured answer
const CHANGED_FILES = 30;
const RUNS = 5;

/** A real TypeScript code base (the OpenAI SDK's sources from node_modules) with a 30-file change. */
function buildRepository(): { directory: string; dispose(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'sift-bench-pipeline-'));
  cpSync(join(ROOT, 'node_modules/openai/src'), join(directory, 'src'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-C', directory, '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args],
      {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      },
    );
  git('init', '-q', '-b', 'base');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'head');
  const candidates = git('ls-files', 'src/resources')
    .split('\n')
    .filter((path) => path.endsWith('.ts'))
    .sort();
  let changed = 0;
  for (const path of candidates) {
    if (changed >= CHANGED_FILES) break;
    const text = readFileSync(join(directory, path), 'utf8');
    // A small behavioural edit per file: every returned value gets a defensive copy.
    if (!text.includes('return this._client.')) continue;
    writeFileSync(
      join(directory, path),
      text.replace(
        'return this._client.',
        'const response = this._client.\n    return response;\n    // was: return this._client.',
      ),
    );
    changed += 1;
  }
  git('commit', '-q', '-am', `Touch ${changed} resources`);
  return { directory, dispose: () => rmSync(directory, { recursive: true, force: true }) };
}

/** Every pass reports two findings on the first changed file; the verifier confirms them. */
function scriptFor(change: Change): ModelScript {
  const first = change.files[0];
  const line = first?.hunks[0]?.lines.find((row) => row.kind === 'added')?.newLine ?? 1;
  return {
    review: () => [
      finding({
        startLineId: `F1:R${line}`,
        endLineId: `F1:R${line}`,
        title: 'The response is returned before it is awaited',
      }),
      finding({
        startLineId: `F1:R${line + 1}`,
        endLineId: `F1:R${line + 1}`,
        category: 'performance',
        title: 'Needless copy',
      }),
    ],
  };
}

async function timeReview(change: Change, directory: string, passes: number, latencyMs: number) {
  const model = createScriptedModel(scriptFor(change), { latencyMs });
  const config = repoConfigSchema.parse({ ensemble: { passes } });
  const started = performance.now();
  const outcome = await reviewChange(change, config, {
    model,
    repository: createLocalGitRepository(directory),
    caches: createSymbolCaches(),
  });
  return { ms: performance.now() - started, requests: model.requests, outcome };
}

/** Tokens of the longest common prefix of the passes' prompts, over their average length. */
function sharedPrefixShare(requests: ReadonlyArray<ModelRequest<unknown>>): {
  share: number;
  prefixTokens: number;
  promptTokens: number;
} {
  const texts = requests.map((request) =>
    request.messages.map((message) => `${message.role}\n${message.content}`).join('\n'),
  );
  let prefix = texts[0] ?? '';
  for (const text of texts.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < text.length && prefix[i] === text[i]) i += 1;
    prefix = prefix.slice(0, i);
  }
  const prefixTokens = countTokens(prefix);
  const promptTokens = texts.reduce((sum, text) => sum + countTokens(text), 0) / Math.max(1, texts.length);
  return { share: prefixTokens / promptTokens, prefixTokens, promptTokens: Math.round(promptTokens) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const repository = buildRepository();
  try {
    const change = await loadLocalChange(repository.directory, { base: 'base', head: 'head' });
    log(
      `pull request: ${change.files.length} changed files in a copy of node_modules/openai/src; fake model latency ${LATENCY_MS} ms`,
    );

    // Warm-up: compiles the grammars and fills the OS file cache, so runs compare like with like.
    await timeReview(change, repository.directory, 1, 0);

    const single: number[] = [];
    const ensemble: number[] = [];
    const overhead: number[] = [];
    let last: Awaited<ReturnType<typeof timeReview>> | undefined;
    for (let run = 0; run < RUNS; run += 1) {
      single.push((await timeReview(change, repository.directory, 1, LATENCY_MS)).ms);
      last = await timeReview(change, repository.directory, 4, LATENCY_MS);
      ensemble.push(last.ms);
      overhead.push((await timeReview(change, repository.directory, 4, 0)).ms);
    }
    const ratio = median(ensemble) / median(single);
    log(
      `1-pass review: ${median(single).toFixed(0)} ms; 4-pass review: ${median(ensemble).toFixed(0)} ms (median of ${RUNS}); ${ratio.toFixed(2)}x`,
    );
    log(
      `pipeline time with no model latency (30-file change, cold symbol caches, context from the repository): ${median(overhead).toFixed(0)} ms median of ${RUNS}`,
    );

    const reviewers = last?.requests.filter((request) => request.role === 'reviewer') ?? [];
    const withVerifier = last?.requests ?? [];
    const passesOnly = sharedPrefixShare(reviewers);
    const all = sharedPrefixShare(withVerifier);
    log(
      `identical prompt prefix across the 4 passes: ${passesOnly.prefixTokens} of ${passesOnly.promptTokens} tokens per pass (${(passesOnly.share * 100).toFixed(1)}%); including the verifier call: ${(all.share * 100).toFixed(1)}%`,
    );
    log(
      `calls per 4-pass review: ${withVerifier.length} (${reviewers.length} passes + ${withVerifier.length - reviewers.length} verifier)`,
    );
    console.log(
      JSON.stringify({
        ensemble_vs_single: Number(ratio.toFixed(2)),
        overhead_ms: Math.round(median(overhead)),
        shared_prefix_share: Number(passesOnly.share.toFixed(3)),
      }),
    );
  } finally {
    if (!process.env.KEEP) repository.dispose();
    else console.error(repository.directory);
  }
}

await main();
