import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SiftEnv } from '../config/load-env.js';
import type { RepoConfig } from '../config/repo-config-schema.js';
import { createSymbolCaches } from '../context/symbol-index.js';
import { ModelError } from '../errors.js';
import { createLocalHost } from '../repository/create-local-host.js';
import { createLocalGitRepository } from '../repository/local-git-repository.js';
import { reviewChange } from '../review/review-change.js';
import { SEVERITY_RANK } from '../review/severity-rank.js';
import { checkWritable } from './check-writable.js';
import type { CliDeps } from './cli-deps.js';
import { describeModelFailure } from './describe-model-failure.js';
import { formatConfigProblem } from './format-config-problem.js';
import { loadCliEnv } from './load-cli-env.js';
import { ModelFailedError } from './model-failed-error.js';
import { formatOutcome } from './output/format-outcome.js';
import {
  parseCliOptions,
  REVIEW_OPTIONS,
  type ReviewOptions,
  reviewOptionsSchema,
} from './parse-cli-options.js';
import { createProgressReporter } from './progress-reporter.js';

/**
 * `sift review`: the app's pipeline on a local git change, through the local-git pull-request
 * host and repository adapters, printed as text, Markdown, JSON or SARIF. Returns the exit code.
 */
export async function reviewCommand(args: readonly string[], deps: CliDeps): Promise<number> {
  const options = parseCliOptions(args, REVIEW_OPTIONS, reviewOptionsSchema);
  const directory = resolve(deps.cwd, options.repo ?? '.');
  const output = options.output ? resolve(deps.cwd, options.output) : null;
  if (output && options.output) await checkWritable(output, 'file', options.output);
  const env = loadCliEnv(deps.env, { cwd: deps.cwd, envFile: options['env-file'] });
  const progress = createProgressReporter(deps.stderr, {
    quiet: options.quiet,
    noColor: Boolean(deps.env.NO_COLOR),
  });
  const { change, outcome } = await reviewLocalChange(directory, options, { ...deps, env, progress }).finally(
    progress.stop,
  );
  const rendered = formatOutcome(options.format, outcome, change, {
    color: !options.output && options.format === 'text' && Boolean(deps.stdout.isTTY) && !deps.env.NO_COLOR,
    toolVersion: deps.version,
  });
  if (output) {
    await writeFile(output, rendered);
    deps.stderr.write(`sift: wrote ${options.output}\n`);
  } else {
    deps.stdout.write(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
  }
  if (options['fail-on'] === 'none') return 0;
  const bar = SEVERITY_RANK[options['fail-on']];
  const found = [...outcome.inline, ...outcome.summaryOnly].some(
    (finding) => SEVERITY_RANK[finding.severity] >= bar,
  );
  return found ? 1 : 0;
}

/** Reads the change and its configuration and reviews it, telling `progress` each step. */
async function reviewLocalChange(
  directory: string,
  options: ReviewOptions,
  deps: Pick<CliDeps, 'cwd' | 'createModel'> & {
    env: SiftEnv;
    progress: ReturnType<typeof createProgressReporter>;
  },
) {
  const { env, progress } = deps;
  progress.update('reading the change');
  // The same port the app reviews a pull request through, over the local checkout.
  const host = createLocalHost(directory, {
    base: options.base,
    head: options.head,
    configFile: options.config ? resolve(deps.cwd, options.config) : undefined,
  });
  const change = await host.loadPullRequest();
  const loaded = await host.readConfig(change.base.sha);
  for (const problem of loaded.problems) {
    const fallback = problem.key ? 'the default applies' : 'the defaults apply';
    progress.log(`sift: ${formatConfigProblem(problem)}; ${fallback}`);
  }
  const config: RepoConfig = {
    ...loaded.config,
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    ...(options['max-comments'] !== undefined ? { maxComments: options['max-comments'] } : {}),
    ensemble: { passes: options.passes ?? loaded.config.ensemble.passes },
    context: { tokenBudget: options['context-tokens'] ?? loaded.config.context.tokenBudget },
  };
  const outcome = await reviewChange(change, config, {
    model: deps.createModel(env),
    repository: createLocalGitRepository(directory),
    caches: createSymbolCaches(),
    maxPromptTokens: env.maxPromptTokens,
    progress: (message) => progress.update(message),
  }).catch((error: unknown) => {
    if (!(error instanceof ModelError)) throw error;
    throw new ModelFailedError(`[sift] ${describeModelFailure(error, env)}`, { cause: error });
  });
  progress.done();
  return { change, outcome };
}
