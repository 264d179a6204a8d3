import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliDeps } from '../../src/cli/cli-deps.js';
import { runCli } from '../../src/cli/run-cli.js';
import { openInstallationModel } from '../../src/llm/installation-model/installation-models.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testPrivateKey } from '../support/test-probot.js';

const MODEL_KEY = randomBytes(32);
const OWN_KEY = 'sk-acme-own-0123456789abcdef';

function cli(options: { modelKey?: Buffer | null; stdin?: string } = {}) {
  const cwd = makeTempDir('sift-installation-model-');
  const out: string[] = [];
  const err: string[] = [];
  const modelKey = options.modelKey === undefined ? MODEL_KEY : options.modelKey;
  const deps: CliDeps = {
    cwd,
    env: {
      APP_ID: '1',
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: 'secret',
      OPENAI_API_KEY: 'sk-server',
      SIFT_DATA_DIR: join(cwd, 'data'),
      ...(modelKey ? { SIFT_INSTALLATION_MODEL_KEY: modelKey.toString('base64') } : {}),
    },
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    createModel: () => {
      throw new Error('not used');
    },
    version: '0.0.0',
    readStdin: async () => options.stdin ?? '',
  };
  const stored = () => {
    const store = openSqliteStore(join(cwd, 'data'));
    return store.installationModel(42).finally(() => store.close());
  };
  return { cwd, deps, out, err, stored };
}

describe('sift installation-model', () => {
  it('set from standard input, show, remove › sealed in the store, shown without the key, gone', async () => {
    const run = cli({ stdin: `${OWN_KEY}\n` });
    const set = [
      'installation-model',
      'set',
      '42',
      '--model',
      'qwen2.5-coder',
      '--base-url',
      'http://vllm.internal:8000/v1',
      '--api-key-file',
      '-',
    ];
    expect(await runCli(set, run.deps)).toBe(0);
    const sealed = await run.stored();
    expect(sealed).not.toBeNull();
    expect(sealed).not.toContain(OWN_KEY);
    expect(openInstallationModel(sealed ?? '', MODEL_KEY, 42)).toEqual({
      baseUrl: 'http://vllm.internal:8000/v1',
      model: 'qwen2.5-coder',
      verifierModel: null,
      apiKey: OWN_KEY,
    });

    expect(await runCli(['installation-model', 'show', '42'], run.deps)).toBe(0);
    expect(run.out.join('')).toContain(
      'installation 42: qwen2.5-coder at http://vllm.internal:8000/v1, key set',
    );
    expect(run.out.join('')).not.toContain(OWN_KEY);

    expect(await runCli(['installation-model', 'remove', '42'], run.deps)).toBe(0);
    expect(await run.stored()).toBeNull();
  });

  it('the key from a file › read from the file, trimmed', async () => {
    const run = cli();
    writeFileSync(join(run.cwd, 'key.txt'), `  ${OWN_KEY}\n`);
    const code = await runCli(
      ['installation-model', 'set', '42', '--model', 'gpt-4.1-mini', '--api-key-file', 'key.txt'],
      run.deps,
    );
    expect(code).toBe(0);
    expect(openInstallationModel((await run.stored()) ?? '', MODEL_KEY, 42).apiKey).toBe(OWN_KEY);
  });

  it.each([
    [
      'without SIFT_INSTALLATION_MODEL_KEY',
      { modelKey: null },
      ['set', '42', '--model', 'm', '--api-key-file', '-'],
      'SIFT_INSTALLATION_MODEL_KEY is not set',
    ],
    ['an installation id that is not a number', {}, ['show', 'acme'], 'expected an installation id'],
    ['set without a model', {}, ['set', '42', '--api-key-file', '-'], 'set needs --model and --api-key-file'],
    [
      'an empty key',
      { stdin: '\n' },
      ['set', '42', '--model', 'm', '--api-key-file', '-'],
      'the API key file is empty',
    ],
    [
      'a base URL that is not http',
      { stdin: OWN_KEY },
      ['set', '42', '--model', 'm', '--api-key-file', '-', '--base-url', 'ftp://x'],
      'baseUrl',
    ],
    ['an unknown action', {}, ['rotate', '42'], 'unknown action "rotate"'],
  ])('%s › exit 2 with a message saying what to do', async (_, options, args, message) => {
    const run = cli(options);
    expect(await runCli(['installation-model', ...args], run.deps)).toBe(2);
    expect(run.err.join('')).toContain(message);
  });
});
