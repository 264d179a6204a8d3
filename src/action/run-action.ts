import { readFile } from 'node:fs/promises';
import type { Output } from '../cli/cli-deps.js';
import { type ActionEnv, loadActionEnv } from '../config/load-action-env.js';
import { SiftError } from '../errors.js';
import { createModelClient } from '../llm/create-model-client.js';
import type { Logger } from '../logger.js';
import type { CheckRunReport } from '../review/pull-request-host.js';
import { appendJobSummary } from './append-job-summary.js';
import { createActionLogger, escapeCommandData } from './create-action-logger.js';
import { createActionSite } from './create-action-site.js';
import { readActionEvent } from './read-action-event.js';
import { renderMissingModel } from './render-missing-model.js';
import { reportWork } from './report-work.js';
import { runRequestedWork } from './run-requested-work.js';
import { writeStepOutputs } from './write-step-outputs.js';

export interface ActionDeps {
  /** The step's environment: GitHub's variables and the inputs (`INPUT_*`). */
  readonly env: NodeJS.ProcessEnv;
  /** The step's log. */
  readonly out: Output;
  /** Aborted when the run is cancelled (a newer push, with the workflow's `concurrency`). */
  readonly signal: AbortSignal;
  readonly version: string;
  readonly now?: () => number;
}

const NOTHING = { findings: 0, 'held-back': 0, 'sarif-file': '' } as const;

/**
 * One run of the Action, as a step of a workflow:
 *   1 settings  the step's inputs and the workflow's variables
 *   2 event     what the run was started for: a pull request event, a `/review` comment, or nothing
 *   3 model     none given: a fork's run explains how to review forks; any other run fails
 *   4 GitHub    a client on the token, the account it posts as, the pull request's host
 *   5 work      the app's jobs: the review (a `/review` first goes through the command job)
 *   6 report    job summary, outputs, SARIF file; the step fails on a failed review or `fail-on`
 * Returns the exit code: 1 when the step should fail, with an error that says what to do.
 */
export async function runAction(deps: ActionDeps): Promise<number> {
  // 1 settings
  let settings: ActionEnv;
  try {
    settings = loadActionEnv(deps.env);
  } catch (error) {
    return fail(deps.out, error);
  }
  const log = createActionLogger(deps.out, { debug: settings.debug, credentials: settings.credentials });
  const summary = (markdown: string) => appendJobSummary(settings.stepSummary, markdown, log);
  try {
    // 2 event
    const event = readActionEvent(settings.eventName, JSON.parse(await readFile(settings.eventPath, 'utf8')));
    if (event.kind === 'ignored') {
      log.info(`nothing to do: ${event.reason}`);
      await summary(`Sift: nothing to do. ${event.reason}`);
      await writeStepOutputs(settings.outputFile, { result: 'ignored', ...NOTHING });
      return 0;
    }

    const pull = `${settings.repository.owner}/${settings.repository.repo}#${event.pullNumber}`;
    log.info(`${settings.eventName} on ${pull}${event.kind === 'command' ? ` from @${event.author}` : ''}`);

    // 3 model
    if (settings.model.kind === 'missing') {
      const missing = renderMissingModel(event, { actionRef: settings.actionRef });
      await summary(missing.markdown);
      await writeStepOutputs(settings.outputFile, {
        result: missing.fails ? 'failed' : 'skipped',
        ...NOTHING,
      });
      if (missing.fails) log.error('no model was given: see the job summary for the inputs to set');
      else
        log.warn(
          `#${event.pullNumber} was not reviewed: no secrets reach this run; the job summary says why`,
        );
      return missing.fails ? 1 : 0;
    }
    const modelEnv = settings.model.env;

    // 4 GitHub
    let report: CheckRunReport | null = null;
    const site = await createActionSite(settings, event.pullNumber, {
      log,
      version: deps.version,
      cacheMaxBytes: modelEnv.cacheMaxBytes,
      report: (written) => {
        report = written;
      },
    });

    // 5 work
    const done = await runRequestedWork(event, settings, {
      site,
      model: createModelClient(modelEnv, {
        onRetry: (message) => log.warn(message),
        credentials: [settings.token],
      }),
      maxPromptTokens: modelEnv.maxPromptTokens,
      log,
      signal: deps.signal,
      now: deps.now ?? Date.now,
    });

    // 6 report
    const outcome = await reportWork(event, done, report, {
      settings,
      host: site.host,
      version: deps.version,
    });
    await summary(outcome.summary);
    await writeStepOutputs(settings.outputFile, outcome.outputs);
    const { result, findings } = outcome.outputs;
    log.info(`${pull}: ${result}; ${findings} posted, ${outcome.outputs['held-back']} held back`);
    for (const line of outcome.errors) log.error(line);
    return outcome.errors.length > 0 ? 1 : 0;
  } catch (error) {
    await summary(`## Sift could not run\n\n${messageOf(error)}`).catch(() => {});
    return fail(deps.out, error, log);
  }
}

/** An error as the step's log shows it: one annotation that says what to do, or a bug's stack. */
function fail(out: Output, error: unknown, log?: Logger): number {
  const message =
    error instanceof SiftError
      ? messageOf(error)
      : `Sift stopped on an unexpected error; please report it with this log. ${messageOf(error)}`;
  if (log) log.error(message);
  else out.write(`::error::${escapeCommandData(message)}\n`);
  return 1;
}

function messageOf(error: unknown): string {
  if (error instanceof SiftError) return error.message.replace(/^\[sift\] /, '');
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
