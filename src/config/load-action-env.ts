import { tmpdir } from 'node:os';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { EnvInvalidError } from '../errors.js';
import { type ActionInput, inInputTerms, inputVariable, MODEL_INPUTS } from './action-inputs.js';
import { blankAsUnset } from './env-schema.js';
import { loadEnv, type SiftEnv } from './load-env.js';

const text = z.preprocess(blankAsUnset, z.string().trim().optional());
const required = (advice: string) =>
  z.preprocess(blankAsUnset, z.string({ error: `is not set: ${advice}` }).trim());
const RUNS_IN_A_WORKFLOW =
  'the Sift Action runs as a step of a GitHub Actions workflow (`uses:`), where GitHub sets it';

// Inputs arrive as text; digits are checked before Number() reads them (it also takes '0x10' and '1e4').
const unit = z.preprocess(
  blankAsUnset,
  z
    .string()
    .trim()
    .regex(/^(?:\d+(?:\.\d*)?|\.\d+)$/, 'must be a number from 0 to 1')
    .transform(Number)
    .pipe(z.number().max(1, 'must be a number from 0 to 1'))
    .optional(),
);
const commentCount = z.preprocess(
  blankAsUnset,
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number from 0 to 50')
    .transform(Number)
    .pipe(z.number().max(50, 'must be a whole number from 0 to 50'))
    .optional(),
);
// The configuration is read from the base branch through the API, so this names a file in the
// repository, not on the runner: `..` or an absolute path could only point outside it. Probot's
// config plugin reads YAML and JSON files only.
const configPath = z.preprocess(
  blankAsUnset,
  z
    .string()
    .trim()
    .refine(
      (path) => !isAbsolute(path) && !path.split('/').includes('..') && /\.(ya?ml|json)$/i.test(path),
      'must be a .yml, .yaml or .json file inside the repository, like .github/sift.yml',
    )
    .default('.github/sift.yml'),
);

const actionSchema = z.object({
  'INPUT_GITHUB-TOKEN': text,
  GITHUB_TOKEN: text,
  INPUT_THRESHOLD: unit,
  'INPUT_MAX-COMMENTS': commentCount,
  'INPUT_FAIL-ON': z.preprocess(
    blankAsUnset,
    z
      .enum(['none', 'minor', 'major', 'critical'], { error: 'must be one of none, minor, major, critical' })
      .default('none'),
  ),
  INPUT_CONFIG: configPath,
  'INPUT_SARIF-FILE': text,
  GITHUB_EVENT_NAME: required(RUNS_IN_A_WORKFLOW),
  GITHUB_EVENT_PATH: required(RUNS_IN_A_WORKFLOW),
  GITHUB_REPOSITORY: z.preprocess(
    blankAsUnset,
    z
      .string({ error: `is not set: ${RUNS_IN_A_WORKFLOW}` })
      .regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name'),
  ),
  // GitHub Enterprise Server sets these to its own host (`https://ghes.example.com/api/v3`).
  GITHUB_API_URL: z.preprocess(
    blankAsUnset,
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
      .default('https://api.github.com'),
  ),
  GITHUB_STEP_SUMMARY: text,
  GITHUB_OUTPUT: text,
  GITHUB_WORKSPACE: text,
  GITHUB_RUN_ID: z.preprocess(blankAsUnset, z.string().regex(/^\d+$/).default('0')),
  GITHUB_RUN_ATTEMPT: z.preprocess(blankAsUnset, z.string().regex(/^\d+$/).default('1')),
  // The action's own repository and ref (`acme/sift`, `v1`); empty for `uses: ./`.
  GITHUB_ACTION_REPOSITORY: text,
  GITHUB_ACTION_REF: text,
  RUNNER_TEMP: text,
  RUNNER_DEBUG: text,
});

/** Everything a run of the Action is given: the workflow's variables and the step's inputs. */
export interface ActionEnv {
  readonly eventName: string;
  readonly eventPath: string;
  readonly repository: { readonly owner: string; readonly repo: string };
  readonly apiUrl: string;
  readonly token: string;
  /** The files GitHub reads the job summary and the step's outputs from; unset outside a workflow. */
  readonly stepSummary: string | undefined;
  readonly outputFile: string | undefined;
  readonly workspace: string;
  readonly tempDir: string;
  /** Names this run in Sift's review marker: a re-run of a job that posted finds its review. */
  readonly runId: string;
  readonly debug: boolean;
  /** This step's `uses:` (`acme/sift@v1`), for advice to copy; null when GitHub does not say. */
  readonly actionRef: string | null;
  readonly threshold: number | undefined;
  readonly maxComments: number | undefined;
  /** The least severe open finding that fails the step; `none`: findings never fail it. */
  readonly failOn: 'none' | 'minor' | 'major' | 'critical';
  readonly configPath: string;
  readonly sarifFile: string | undefined;
  /** The model settings, or `missing` when no model was given at all (a fork's run gets no secrets). */
  readonly model: { readonly kind: 'ready'; readonly env: SiftEnv } | { readonly kind: 'missing' };
  /** What must never be shown: withheld from the log and from prompts. */
  readonly credentials: readonly string[];
}

/**
 * Reads a run of the Action: the variables GitHub sets for every step, the step's inputs
 * (`INPUT_*`), and the model settings — the inputs over the environment table's variables, which
 * the step may also set with `env:` (SIFT_MODEL_CONTEXT_TOKENS and the like have no input). Every
 * problem is named by its input, with what to do.
 */
export function loadActionEnv(env: NodeJS.ProcessEnv = process.env): ActionEnv {
  const parsed = actionSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${nameOf(String(issue.path[0]))} ${issue.message}`);
    throw new EnvInvalidError(`[sift] ${lines.join('; ')}`);
  }
  const action = parsed.data;
  const token = action['INPUT_GITHUB-TOKEN'] ?? action.GITHUB_TOKEN;
  if (!token)
    throw new EnvInvalidError(
      '[sift] the github-token input is empty: leave it out to use the workflow’s GITHUB_TOKEN, or pass a token with `pull-requests: write`',
    );
  const [owner = '', repo = ''] = action.GITHUB_REPOSITORY.split('/');
  const model = modelOf(env);
  return {
    eventName: action.GITHUB_EVENT_NAME,
    eventPath: action.GITHUB_EVENT_PATH,
    repository: { owner, repo },
    apiUrl: action.GITHUB_API_URL.replace(/\/+$/, ''),
    token,
    stepSummary: action.GITHUB_STEP_SUMMARY,
    outputFile: action.GITHUB_OUTPUT,
    workspace: action.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: action.RUNNER_TEMP ?? tmpdir(),
    runId: `${action.GITHUB_RUN_ID}.${action.GITHUB_RUN_ATTEMPT}`,
    debug: action.RUNNER_DEBUG === '1',
    actionRef:
      action.GITHUB_ACTION_REPOSITORY && action.GITHUB_ACTION_REF
        ? `${action.GITHUB_ACTION_REPOSITORY}@${action.GITHUB_ACTION_REF}`
        : null,
    threshold: action.INPUT_THRESHOLD,
    maxComments: action['INPUT_MAX-COMMENTS'],
    failOn: action['INPUT_FAIL-ON'],
    configPath: action.INPUT_CONFIG,
    sarifFile: action['INPUT_SARIF-FILE'],
    model,
    credentials: [token, ...(model.kind === 'ready' ? [model.env.provider.apiKey] : [])],
  };
}

/** The model settings: each input given wins over the variable it stands for. */
function modelOf(env: NodeJS.ProcessEnv): ActionEnv['model'] {
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const [input, variable] of Object.entries(MODEL_INPUTS)) {
    const given = env[inputVariable(input as ActionInput)]?.trim();
    if (given) merged[variable] = given;
  }
  const named = (variable: string) => Boolean(merged[variable]?.trim());
  if (!named('OPENAI_API_KEY') && !named('OPENAI_BASE_URL') && !named('AZURE_OPENAI_ENDPOINT'))
    return { kind: 'missing' };
  try {
    return { kind: 'ready', env: loadEnv(merged) };
  } catch (error) {
    if (!(error instanceof EnvInvalidError)) throw error;
    throw new EnvInvalidError(inInputTerms(error.message));
  }
}

/** How a problem names a variable: an input by its name in the workflow, others as they are. */
function nameOf(variable: string): string {
  return variable.startsWith('INPUT_') ? `the ${variable.slice(6).toLowerCase()} input` : variable;
}
