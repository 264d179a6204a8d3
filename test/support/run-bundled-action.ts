import { type ChildProcess, execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_INPUTS, inputVariable } from '../../src/config/action-inputs.js';
import { makeTempDir } from './temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');
/** The committed bundle, as a workflow runs it (`runs.main` in action.yml). */
export const ACTION_ENTRY = join(ROOT, 'dist-action', 'index.js');

/** The token a workflow would hand the step; the fake GitHub accepts any. */
export const WORKFLOW_TOKEN = 'ghs_workflowTokenForTheActionTests0123456789';
export const MODEL_KEY = 'sk-action-test-key-0123456789abcdef';

export interface ActionRun {
  readonly exitCode: number;
  /** The job id Sift's review marker names for this run: its run id and attempt. */
  readonly job: string;
  /** What the step printed: the workflow log. */
  readonly log: string;
  /** The Markdown the step added to the job summary (GITHUB_STEP_SUMMARY). */
  readonly summary: string;
  /** The step's outputs, read from GITHUB_OUTPUT as the runner reads them. */
  readonly outputs: Record<string, string>;
}

// Every workflow run has an id of its own; a re-run of one keeps it and counts its attempt.
let runs = 9000;

/**
 * Runs the bundled Action the way a runner does: `node dist-action/index.js` with the variables
 * GitHub sets for a step — the event payload in a file (GITHUB_EVENT_PATH), the repository, the
 * API URL (a fake GitHub Enterprise Server here), the job summary and output files — and every
 * input as `INPUT_<NAME>`, defaults from action.yml included. Nothing of the test's own
 * environment reaches it but PATH.
 */
export async function runBundledAction(options: {
  readonly event: { readonly name: string; readonly payload: unknown };
  readonly apiUrl: string;
  readonly repository?: string;
  readonly inputs?: Partial<Record<keyof typeof ACTION_INPUTS, string>>;
  readonly env?: Record<string, string>;
  /** Called with the running step's process: the test may cancel it as GitHub does (SIGINT). */
  readonly onStart?: (step: ChildProcess) => void;
}): Promise<ActionRun> {
  const dir = makeTempDir('sift-action-run-');
  const runId = String(++runs);
  const files = {
    event: join(dir, 'event.json'),
    summary: join(dir, 'step-summary.md'),
    output: join(dir, 'output.txt'),
  };
  writeFileSync(files.event, JSON.stringify(options.event.payload));
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(ACTION_INPUTS)) {
    const value = options.inputs?.[name as keyof typeof ACTION_INPUTS] ?? input.default;
    // GitHub evaluates the default expression `${{ github.token }}` to the workflow's token.
    inputs[inputVariable(name as keyof typeof ACTION_INPUTS)] = value.includes('github.token')
      ? WORKFLOW_TOKEN
      : value;
  }
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: options.repository ?? 'acme/inventory',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: options.apiUrl.replace(/\/api\/v3$/, ''),
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: dir,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION_REPOSITORY: 'acme/sift',
    GITHUB_ACTION_REF: 'v1',
    RUNNER_TEMP: makeTempDir('sift-action-runner-temp-'),
    ...inputs,
    ...options.env,
  };
  const { exitCode, stdout, stderr } = await new Promise<{
    exitCode: number;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    const step = execFile(
      process.execPath,
      [ACTION_ENTRY],
      { env, cwd: dir, maxBuffer: 32 << 20 },
      (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    options.onStart?.(step);
  });
  return {
    exitCode,
    job: `action-run:${runId}.1`,
    log: stdout + stderr,
    summary: readFileSync(files.summary, 'utf8'),
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
  };
}

/** GITHUB_OUTPUT's heredocs: `name<<delimiter`, the value's lines, the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const header = /^([\w-]+)<<(.+)$/.exec(lines[index] ?? '');
    if (!header) continue;
    const end = lines.indexOf(header[2] ?? '', index + 1);
    outputs[header[1] ?? ''] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}
