import type { EnvName } from './env-schema.js';

/**
 * The GitHub Action's inputs, with the default action.yml gives each (a test checks that they
 * agree). GitHub hands every input to the step as `INPUT_<NAME>`, upper-cased with its hyphens
 * kept, and an input left out as its default or an empty string.
 */
export const ACTION_INPUTS = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression GitHub evaluates, not a template
  'github-token': { default: '${{ github.token }}' },
  'openai-api-key': { default: '' },
  'openai-base-url': { default: '' },
  model: { default: '' },
  'verifier-model': { default: '' },
  'azure-openai-endpoint': { default: '' },
  'azure-openai-api-key': { default: '' },
  'azure-openai-api-version': { default: '' },
  'azure-openai-deployment': { default: '' },
  threshold: { default: '' },
  'max-comments': { default: '' },
  'fail-on': { default: 'none' },
  config: { default: '.github/sift.yml' },
  'sarif-file': { default: '' },
} as const;

export type ActionInput = keyof typeof ACTION_INPUTS;

/** The inputs that stand for a model setting of the environment table, which the step may also set with `env:`. */
export const MODEL_INPUTS = {
  'openai-api-key': 'OPENAI_API_KEY',
  'openai-base-url': 'OPENAI_BASE_URL',
  model: 'SIFT_MODEL',
  'verifier-model': 'SIFT_VERIFIER_MODEL',
  'azure-openai-endpoint': 'AZURE_OPENAI_ENDPOINT',
  'azure-openai-api-key': 'AZURE_OPENAI_API_KEY',
  'azure-openai-api-version': 'AZURE_OPENAI_API_VERSION',
  'azure-openai-deployment': 'AZURE_OPENAI_DEPLOYMENT',
} as const satisfies Partial<Record<ActionInput, EnvName>>;

/** The variable GitHub sets for an input. */
export function inputVariable(input: ActionInput): string {
  return `INPUT_${input.toUpperCase()}`;
}

const INPUT_OF_VARIABLE = new Map<string, string>(
  Object.entries(MODEL_INPUTS).map(([input, variable]) => [variable, input]),
);

/**
 * A message that names the environment table's variables (loadEnv's, the CLI's model advice),
 * worded for a workflow: each variable an input stands for by the input's name, and the key from
 * the repository's secrets.
 */
export function inInputTerms(message: string): string {
  return message
    .replace(
      /set it in the environment \(the server also reads \.env\) or the deployment secrets/g,
      'pass it to the step from the repository’s secrets',
    )
    .replace(/\b[A-Z][A-Z0-9_]+\b/g, (variable) => {
      const input = INPUT_OF_VARIABLE.get(variable);
      return input ? `the ${input} input (${variable})` : variable;
    });
}
