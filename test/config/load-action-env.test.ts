import { describe, expect, it } from 'vitest';
import { ACTION_INPUTS, inputVariable } from '../../src/config/action-inputs.js';
import { loadActionEnv } from '../../src/config/load-action-env.js';

/** A step's environment as GitHub sets it: its variables and every input at its default. */
const step = (
  inputs: Partial<Record<keyof typeof ACTION_INPUTS, string>> = {},
  env: NodeJS.ProcessEnv = {},
) => {
  const all: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
    GITHUB_REPOSITORY: 'acme/inventory',
    GITHUB_RUN_ID: '123',
    GITHUB_RUN_ATTEMPT: '2',
    ...env,
  };
  for (const [name, input] of Object.entries(ACTION_INPUTS)) {
    all[inputVariable(name as keyof typeof ACTION_INPUTS)] =
      inputs[name as keyof typeof ACTION_INPUTS] ?? (name === 'github-token' ? 'ghs_token' : input.default);
  }
  return all;
};

describe('loadActionEnv', () => {
  it('the defaults › github.com, the workflow token, no model', () => {
    const settings = loadActionEnv(step());
    expect(settings).toMatchObject({
      eventName: 'pull_request',
      repository: { owner: 'acme', repo: 'inventory' },
      apiUrl: 'https://api.github.com',
      token: 'ghs_token',
      runId: '123.2',
      failOn: 'none',
      configPath: '.github/sift.yml',
      threshold: undefined,
      maxComments: undefined,
      sarifFile: undefined,
      model: { kind: 'missing' },
    });
  });

  it('on GitHub Enterprise Server › its API, without a trailing slash', () => {
    expect(loadActionEnv(step({}, { GITHUB_API_URL: 'https://ghes.example.com/api/v3/' })).apiUrl).toBe(
      'https://ghes.example.com/api/v3',
    );
  });

  it('the model inputs › over the variables the step sets with env:, which fill in the rest', () => {
    const settings = loadActionEnv(
      step(
        { 'openai-api-key': 'sk-input-key-0123456789', model: 'gpt-4.1-mini' },
        {
          OPENAI_API_KEY: 'sk-env-key-0123456789',
          SIFT_MODEL: 'o4-mini',
          SIFT_MODEL_CONTEXT_TOKENS: '32000',
        },
      ),
    );
    expect(settings.model).toMatchObject({
      kind: 'ready',
      env: {
        provider: { kind: 'openai', apiKey: 'sk-input-key-0123456789' },
        model: 'gpt-4.1-mini',
        // The answer's room, and under SIFT_STRUCTURED_OUTPUT=auto the schema's (it may step down to the prompt).
        maxPromptTokens: 32_000 - 8_192 - 1_000,
      },
    });
    expect(settings.credentials).toEqual(['ghs_token', 'sk-input-key-0123456789']);
  });

  it('the review inputs › read as numbers and a severity', () => {
    expect(loadActionEnv(step({ threshold: '0.8', 'max-comments': '3', 'fail-on': 'major' }))).toMatchObject({
      threshold: 0.8,
      maxComments: 3,
      failOn: 'major',
    });
  });

  it.each([
    [{ threshold: '80%' }, 'the threshold input must be a number from 0 to 1'],
    [{ threshold: '1.5' }, 'the threshold input must be a number from 0 to 1'],
    [{ 'max-comments': 'many' }, 'the max-comments input must be a whole number from 0 to 50'],
    [{ 'fail-on': 'blocker' }, 'the fail-on input must be one of none, minor, major, critical'],
    [
      { config: '../other/sift.yml' },
      'the config input must be a .yml, .yaml or .json file inside the repository, like .github/sift.yml',
    ],
    [
      { config: '/etc/sift.yml' },
      'the config input must be a .yml, .yaml or .json file inside the repository',
    ],
    [
      { config: '.github/sift.toml' },
      'the config input must be a .yml, .yaml or .json file inside the repository',
    ],
    [{ 'github-token': '' }, 'the github-token input is empty'],
  ])('%j › an error naming the input', (inputs, message) => {
    expect(() => loadActionEnv(step(inputs))).toThrow(message);
  });

  it('a model setting that cannot work › the error names the input, not the variable alone', () => {
    expect(() => loadActionEnv(step({ 'azure-openai-endpoint': 'https://acme.openai.azure.com' }))).toThrow(
      'the azure-openai-endpoint input (AZURE_OPENAI_ENDPOINT) is set but the azure-openai-api-key input (AZURE_OPENAI_API_KEY) is not: pass it to the step from the repository’s secrets',
    );
    expect(() => loadActionEnv(step({ 'openai-base-url': 'localhost:11434' }))).toThrow(
      'the openai-base-url input (OPENAI_BASE_URL): expected an http:// or https:// URL',
    );
  });

  it('outside a workflow (no event) › an error that says where Sift runs', () => {
    const { GITHUB_EVENT_PATH: _, ...env } = step();
    expect(() => loadActionEnv(env)).toThrow(
      'GITHUB_EVENT_PATH is not set: the Sift Action runs as a step of a GitHub Actions workflow (`uses:`), where GitHub sets it',
    );
  });
});
