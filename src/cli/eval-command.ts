import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { repoConfigSchema } from '../config/repo-config-schema.js';
import { loadEvalCaseFolders } from '../eval/load-eval-cases.js';
import { renderEvalReport } from '../eval/render-eval-report.js';
import { runEval } from '../eval/run-eval.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { checkWritable } from './check-writable.js';
import type { CliDeps } from './cli-deps.js';
import { describeModelFailure } from './describe-model-failure.js';
import { loadCliEnv } from './load-cli-env.js';
import { EVAL_OPTIONS, evalOptionsSchema, parseCliOptions } from './parse-cli-options.js';
import { createProgressReporter } from './progress-reporter.js';

/**
 * `sift eval`: runs labelled pull requests through the whole pipeline with the configured model
 * and writes report.json and report.md. Returns the exit code: 0 when every case ran.
 */
export async function evalCommand(args: readonly string[], deps: CliDeps): Promise<number> {
  const options = parseCliOptions(args, EVAL_OPTIONS, evalOptionsSchema);
  const folders =
    options.cases.length > 0
      ? options.cases.map((folder) => resolve(deps.cwd, folder))
      : [defaultCasesFolder(deps.cwd)];
  const folder = folders.join(', ');
  const cases = await loadEvalCaseFolders(folders, options.case);
  const outName = options.out ?? join('eval-results', new Date().toISOString().replace(/[:.]/g, '-'));
  const out = resolve(deps.cwd, outName);
  await checkWritable(out, 'folder', outName);
  const env = loadCliEnv(deps.env, {
    cwd: deps.cwd,
    envFile: options['env-file'],
    overrides: {
      ...(options.model ? { SIFT_MODEL: options.model } : {}),
      ...(options['verifier-model'] ? { SIFT_VERIFIER_MODEL: options['verifier-model'] } : {}),
    },
  });
  const config = repoConfigSchema.parse({
    threshold: options.threshold,
    ensemble: { passes: options.passes },
  });
  const progress = createProgressReporter(deps.stderr, {
    quiet: options.quiet,
    noColor: Boolean(deps.env.NO_COLOR),
  });
  progress.update(`${cases.length} cases from ${folder}`);
  const { report } = await runEval(
    cases,
    {
      config,
      modelName: env.model === env.verifierModel ? env.model : `${env.model} (verifier ${env.verifierModel})`,
      concurrency: options.concurrency,
    },
    {
      model: deps.createModel(env),
      maxPromptTokens: env.maxPromptTokens,
      describeModelFailure: (error) => describeModelFailure(error, env),
      onCase: (result, done, total) => {
        // A failure stays on screen; the running count is redrawn over.
        if (result.error) progress.log(`sift: ${result.case.id} failed: ${result.error}`);
        progress.update(`${done}/${total} ${result.case.id}`);
      },
    },
  )
    .then((result) => {
      progress.done();
      return result;
    })
    .finally(progress.stop);
  await mkdir(out, { recursive: true });
  const markdown = renderEvalReport(report);
  await writeFile(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(out, 'report.md'), markdown);
  deps.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : markdown);
  deps.stderr.write(`sift: wrote ${join(out, 'report.json')} and report.md\n`);
  return report.cases.some((item) => item.error !== null) ? 1 : 0;
}

/** The labelled set beside the project when present, else the project's own dev cases. */
function defaultCasesFolder(cwd: string): string {
  const shared = resolve(cwd, '../shared/eval');
  return existsSync(shared) ? shared : join(PACKAGE_ROOT, 'fixtures', 'eval');
}
