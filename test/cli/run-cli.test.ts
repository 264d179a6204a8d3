import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliDeps } from '../../src/cli/cli-deps.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { SiftEnv } from '../../src/config/load-env.js';
import { createModelClient } from '../../src/llm/create-model-client.js';
import type { ModelClient } from '../../src/llm/model-client.js';
import { startFakeModel } from '../support/fake-model-server.js';
import { FIXTURES } from '../support/fixtures.js';
import { gitRepoFromFixture } from '../support/git-repo-from-fixture.js';
import { createScriptedModel, finding, lineIdOf, type ModelScript } from '../support/scripted-model.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A model that spots the two labelled defects of the dev cases and stays quiet on the clean one. */
const DEV_CASES_SCRIPT: ModelScript = {
  review: ({ prompt }) => {
    const findings: Array<Record<string, unknown>> = [];
    const reserve = lineIdOf(prompt, 'if (available <= count) return false;');
    if (reserve) {
      findings.push(
        finding({
          startLineId: reserve,
          endLineId: reserve,
          title: '`reserve` refuses the last units',
          body: 'When `available` equals `count` the order is refused.',
        }),
      );
    }
    const discount = lineIdOf(prompt, 'export function applyDiscount(percent: number, total: Cents)');
    if (discount) {
      findings.push(
        finding({
          startLineId: discount,
          endLineId: discount,
          category: 'api-contract',
          severity: 'critical',
          title: 'Callers still pass (total, percent) to `applyDiscount`',
          body: '`cartTotal` and `invoiceTotal` pass the total first.',
          evidence: ['src/cart.ts:15-15'],
        }),
      );
    }
    return findings;
  },
};

function harness(options: {
  cwd: string;
  /** A model client, or `openai` for the real one over HTTP, as `sift` builds it. */
  model?: ModelClient | 'openai';
  env?: NodeJS.ProcessEnv;
  tty?: boolean;
  stderrTty?: boolean;
}) {
  let stdout = '';
  let stderr = '';
  /** The settings each model client was built from. */
  const models: SiftEnv[] = [];
  const deps: CliDeps = {
    cwd: options.cwd,
    env: { OPENAI_API_KEY: 'sk-test', ...options.env },
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrTty ?? false },
    createModel: (env) => {
      models.push(env);
      if (options.model === 'openai') return createModelClient(env);
      return options.model ?? createScriptedModel(DEV_CASES_SCRIPT);
    },
    version: '0.0.0-test',
  };
  return { deps, out: () => stdout, err: () => stderr, models };
}

describe('sift review', () => {
  it('on a branch of a local repository › reviews it against the default branch and prints the findings', async () => {
    const repo = gitRepoFromFixture('inventory');
    execFileSync('git', ['-C', repo, 'branch', '-m', 'base', 'main']);
    const { deps, out, err } = harness({ cwd: repo });

    const code = await runCli(['review'], deps);

    expect(code).toBe(0);
    expect(out()).toContain('src/stock.ts:6');
    expect(out()).toContain('`reserve` refuses the last units');
    expect(err()).toContain('sift: reviewing 3 files, 3 skipped');
    expect(err()).toContain('sift: verifying 1 finding');
  });

  it.each([
    ['json', (text: string) => JSON.parse(text).findings[0].path],
    [
      'sarif',
      (text: string) =>
        JSON.parse(text).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
    ],
    ['markdown', (text: string) => (text.includes('src/stock.ts') ? 'src/stock.ts' : '')],
  ])('--format %s › the same finding in that format', async (format, pathOf) => {
    const repo = gitRepoFromFixture('inventory');
    const { deps, out } = harness({ cwd: repo });
    expect(
      await runCli(['review', '--base', 'base', '--head', 'head', '--format', format, '--quiet'], deps),
    ).toBe(0);
    expect(pathOf(out())).toBe('src/stock.ts');
  });

  it('--fail-on major with a major finding › exits 1, so CI can gate on it', async () => {
    const { deps } = harness({ cwd: gitRepoFromFixture('inventory') });
    expect(
      await runCli(['review', '--base', 'base', '--head', 'head', '--fail-on', 'major', '--quiet'], deps),
    ).toBe(1);
  });

  it('--output › writes the result to the file', async () => {
    const repo = gitRepoFromFixture('inventory');
    const { deps, out } = harness({ cwd: repo });
    await runCli(
      ['review', '--base', 'base', '--head', 'head', '--format', 'json', '--output', 'sift.json', '--quiet'],
      deps,
    );
    expect(out()).toBe('');
    expect(JSON.parse(readFileSync(join(repo, 'sift.json'), 'utf8')).summary.findings).toBe(1);
  });

  it.each([
    [
      'in a folder that does not exist',
      'no-such-folder/sift.json',
      'the folder no-such-folder does not exist',
    ],
    ['that is a folder', 'src', 'it is a folder'],
  ])('--output %s › exit 2 before any model call, naming the path', async (_, output, reason) => {
    const model = createScriptedModel(DEV_CASES_SCRIPT);
    const { deps, err } = harness({ cwd: gitRepoFromFixture('inventory'), model });
    expect(await runCli(['review', '--base', 'base', '--head', 'head', '--output', output], deps)).toBe(2);
    expect(err()).toContain(`sift: cannot write ${output}: ${reason}`);
    expect(model.requests).toHaveLength(0);
  });

  it('with standard error a terminal › one progress line redrawn in place, cleared at the end', async () => {
    const { deps, err } = harness({ cwd: gitRepoFromFixture('inventory'), stderrTty: true });
    expect(await runCli(['review', '--base', 'base', '--head', 'head'], deps)).toBe(0);
    expect(err().startsWith('\r\u001b[2K⠋ reading the change · ')).toBe(true);
    expect(err()).not.toContain('\n');
    expect(err().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('with standard error a terminal and NO_COLOR › plain lines with times, no redrawing', async () => {
    const { deps, err } = harness({
      cwd: gitRepoFromFixture('inventory'),
      stderrTty: true,
      env: { NO_COLOR: '1' },
    });
    expect(await runCli(['review', '--base', 'base', '--head', 'head'], deps)).toBe(0);
    expect(err()).toMatch(/^sift: reading the change\nsift: reviewing 3 files, 3 skipped \(\+\d+\.\ds\)\n/);
    expect(err()).toMatch(/\nsift: finished in \d+\.\ds \(\+\d+\.\ds\)\n$/);
    expect(err()).not.toContain('\r');
  });

  it.each([
    [['review', '--format', 'xml'], '--format'],
    [['review', '--threshold', '2'], '--threshold'],
    [
      ['review', '--max-comments', 'lots'],
      'sift: --max-comments must be a whole number of 0 or more (got "lots")',
    ],
    [
      ['review', '--max-comments', '-1'],
      'sift: --max-comments must be a whole number of 0 or more (got "-1")',
    ],
    [['review', '--bogus'], "Unknown option '--bogus'"],
    [['review', '--base', 'no-such-ref'], '"no-such-ref" is not a commit'],
    [['frobnicate'], 'unknown command'],
  ])('%j › exit 2 with a message naming the problem', async (argv, message) => {
    const { deps, err } = harness({ cwd: gitRepoFromFixture('inventory') });
    expect(await runCli(argv, deps)).toBe(2);
    expect(err()).toContain(message);
  });

  it('--config with a YAML syntax error › file:line:col on standard error, and the review goes on', async () => {
    const repo = gitRepoFromFixture('inventory');
    writeFileSync(join(repo, 'bad.yml'), 'maxComments: 3\nthreshold: 0.8\nmaxComments: 5\n');
    const { deps, err } = harness({ cwd: repo });
    expect(
      await runCli(['review', '--base', 'base', '--head', 'head', '--config', 'bad.yml', '--quiet'], deps),
    ).toBe(0);
    expect(err()).toBe(
      `sift: ${join(repo, 'bad.yml')}:3:1: invalid YAML: Map keys must be unique; the defaults apply\n`,
    );
  });

  it('outside a git repository › says so', async () => {
    const { deps, err } = harness({ cwd: makeTempDir('sift-not-git-') });
    expect(await runCli(['review'], deps)).toBe(2);
    expect(err()).toContain('is not a git repository');
  });

  it('without model credentials › explains what to set, for a shell rather than a server', async () => {
    const { deps, err } = harness({ cwd: gitRepoFromFixture('inventory'), env: { OPENAI_API_KEY: '' } });
    expect(await runCli(['review', '--base', 'base', '--head', 'head', '--quiet'], deps)).toBe(2);
    expect(err()).toContain('sift: OPENAI_API_KEY is not set: export OPENAI_API_KEY or pass --env-file .env');
    expect(err()).not.toContain('reads .env');
  });

  it('with AZURE_OPENAI_ENDPOINT and no key › names the Azure key to export', async () => {
    const { deps, err } = harness({
      cwd: gitRepoFromFixture('inventory'),
      env: { OPENAI_API_KEY: '', AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com' },
    });
    expect(await runCli(['review', '--base', 'base', '--head', 'head', '--quiet'], deps)).toBe(2);
    expect(err()).toContain('export AZURE_OPENAI_API_KEY or pass --env-file .env');
  });

  describe('when the model fails', () => {
    // One attempt: the retries' backoff would only slow the test down.
    const ONE_ATTEMPT = { SIFT_MODEL_MAX_ATTEMPTS: '1' };
    const ONE_PASS = ['review', '--base', 'base', '--head', 'head', '--passes', '1', '--quiet'];

    it('with a 401 › names the endpoint, its answer and OPENAI_API_KEY', async () => {
      const server = await startFakeModel(() => ({ status: 401 }));
      try {
        const { deps, err } = harness({
          cwd: gitRepoFromFixture('inventory'),
          model: 'openai',
          env: { ...ONE_ATTEMPT, OPENAI_BASE_URL: server.baseUrl },
        });
        expect(await runCli(ONE_PASS, deps)).toBe(2);
        expect(err()).toBe(
          `sift: the model at ${server.baseUrl} answered 401 fake model failed with 401; check OPENAI_API_KEY\n`,
        );
        expect(server.requests).toHaveLength(1);
      } finally {
        await server.close();
      }
    });

    it('unreachable › names the endpoint and says to check OPENAI_BASE_URL and the network', async () => {
      const server = await startFakeModel(() => ({}));
      await server.close();
      const { deps, err } = harness({
        cwd: gitRepoFromFixture('inventory'),
        model: 'openai',
        env: { ...ONE_ATTEMPT, OPENAI_BASE_URL: server.baseUrl },
      });
      expect(await runCli(ONE_PASS, deps)).toBe(2);
      expect(err()).toBe(
        `sift: could not reach the model at ${server.baseUrl} (Connection error); check OPENAI_BASE_URL and the network\n`,
      );
    });

    it('in sift eval › each failed case says the same', async () => {
      const server = await startFakeModel(() => ({ status: 401 }));
      try {
        const out = makeTempDir('sift-eval-out-');
        const { deps, err } = harness({
          cwd: tmpdir(),
          model: 'openai',
          env: { ...ONE_ATTEMPT, OPENAI_BASE_URL: server.baseUrl },
        });
        const args = ['eval', '--cases', join(FIXTURES, 'eval'), '--passes', '1', '--out', out];
        expect(await runCli([...args, '--case', 'typescript__inventory__reserve-last-unit'], deps)).toBe(1);
        const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
        const expected = `the model at ${server.baseUrl} answered 401 fake model failed with 401; check OPENAI_API_KEY`;
        expect(report.cases[0].error).toBe(expected);
        expect(err()).toContain(`failed: ${expected}`);
      } finally {
        await server.close();
      }
    });
  });

  describe('--env-file', () => {
    it('with the key in the file › the review uses it', async () => {
      const repo = gitRepoFromFixture('inventory');
      writeFileSync(join(repo, 'sift.env'), 'OPENAI_API_KEY=sk-from-file\nSIFT_MODEL=gpt-from-file\n');
      const { deps, models } = harness({ cwd: repo, env: { OPENAI_API_KEY: '' } });
      expect(
        await runCli(
          ['review', '--base', 'base', '--head', 'head', '--env-file', 'sift.env', '--quiet'],
          deps,
        ),
      ).toBe(0);
      expect(models[0]?.provider).toMatchObject({ kind: 'openai', apiKey: 'sk-from-file' });
      expect(models[0]?.model).toBe('gpt-from-file');
    });

    it('with a variable also set in the environment › the environment wins', async () => {
      const repo = gitRepoFromFixture('inventory');
      writeFileSync(join(repo, '.env'), 'OPENAI_API_KEY=sk-from-file\n');
      const { deps, models } = harness({ cwd: repo, env: { OPENAI_API_KEY: 'sk-from-shell' } });
      await runCli(['review', '--base', 'base', '--head', 'head', '--env-file', '.env', '--quiet'], deps);
      expect(models[0]?.provider).toMatchObject({ apiKey: 'sk-from-shell' });
    });

    it('naming a file that does not exist › exit 2, naming it', async () => {
      const { deps, err, models } = harness({ cwd: gitRepoFromFixture('inventory') });
      expect(
        await runCli(['review', '--base', 'base', '--head', 'head', '--env-file', 'missing.env'], deps),
      ).toBe(2);
      expect(err()).toContain('sift: cannot read --env-file missing.env: there is no such file');
      expect(models).toHaveLength(0);
    });

    it('not given › a .env in the folder is not read', async () => {
      const repo = gitRepoFromFixture('inventory');
      writeFileSync(join(repo, '.env'), 'OPENAI_API_KEY=sk-from-file\n');
      const { deps, err } = harness({ cwd: repo, env: { OPENAI_API_KEY: '' } });
      expect(await runCli(['review', '--base', 'base', '--head', 'head', '--quiet'], deps)).toBe(2);
      expect(err()).toContain('OPENAI_API_KEY is not set');
    });

    it('for sift eval › read too; --model still wins over the file', async () => {
      const dir = makeTempDir('sift-eval-env-');
      writeFileSync(join(dir, '.env'), 'OPENAI_API_KEY=sk-from-file\nSIFT_MODEL=gpt-from-file\n');
      const { deps, models } = harness({ cwd: dir, env: { OPENAI_API_KEY: '' } });
      const args = [
        'eval',
        '--cases',
        join(FIXTURES, 'eval'),
        '--case',
        'typescript__inventory__reserve-last-unit',
      ];
      expect(
        await runCli([...args, '--env-file', '.env', '--model', 'gpt-flag', '--out', 'out', '--quiet'], deps),
      ).toBe(0);
      expect(models[0]).toMatchObject({ provider: { apiKey: 'sk-from-file' }, model: 'gpt-flag' });
    });
  });
});

describe('sift eval', () => {
  it('on the dev cases with a scripted model › reports precision, recall and the curve, and writes both reports', async () => {
    const out = makeTempDir('sift-eval-out-');
    const { deps, out: stdout } = harness({ cwd: tmpdir() });

    const code = await runCli(['eval', '--cases', join(FIXTURES, 'eval'), '--out', out, '--quiet'], deps);

    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.metrics).toMatchObject({
      truePositives: 2,
      falsePositives: 0,
      falseNegatives: 0,
      precision: 1,
      recall: 1,
    });
    expect(report.cases.map((item: { id: string; matched: number }) => [item.id, item.matched])).toEqual([
      ['typescript__checkout__discount-argument-order', 1],
      ['typescript__inventory__reserve-last-unit', 1],
      ['typescript__inventory__total-value-reduce', 0],
    ]);
    expect(report.curve.length).toBeGreaterThan(10);
    expect(stdout()).toContain('| precision | 1.000 |');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(stdout());
  });

  it('--cases twice › the cases of both folders in one report, with its feedback replay', async () => {
    const out = makeTempDir('sift-eval-out-');
    const { deps, out: stdout } = harness({ cwd: tmpdir() });
    const folders = ['--cases', join(FIXTURES, 'eval'), '--cases', join(FIXTURES, 'eval-feedback')];

    expect(await runCli(['eval', ...folders, '--out', out, '--quiet'], deps)).toBe(0);

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.cases).toHaveLength(8);
    expect(report.learning.cases.map((item: { repository: string }) => item.repository)).toContain(
      'warehouse',
    );
    expect(stdout()).toContain('## Feedback replay');
  });

  it('--cases twice, a case id in both folders › an error naming it', async () => {
    const { deps, err } = harness({ cwd: tmpdir() });
    const folder = join(FIXTURES, 'eval');
    expect(await runCli(['eval', '--cases', folder, '--cases', folder, '--quiet'], deps)).toBe(2);
    expect(err()).toContain('case typescript__checkout__discount-argument-order is in more than one of');
  });

  it('on the clean case alone › precision and recall n/a, not 1.000', async () => {
    const { deps, out: stdout } = harness({ cwd: tmpdir() });
    const args = [
      'eval',
      '--cases',
      join(FIXTURES, 'eval'),
      '--case',
      'typescript__inventory__total-value-reduce',
    ];
    expect(await runCli([...args, '--out', makeTempDir('sift-eval-out-'), '--quiet'], deps)).toBe(0);
    expect(stdout()).toContain('| precision | n/a |\n| recall | n/a |\n');
  });

  it('a finding the verifier rejects › listed under its case with the reason, and precision n/a', async () => {
    const model = createScriptedModel({
      ...DEV_CASES_SCRIPT,
      verify: (clusters) =>
        clusters.map((cluster) => ({
          id: cluster.id,
          verdict: 'rejected',
          reason: 'available is checked after the decrement',
        })),
    });
    const { deps, out: stdout } = harness({ cwd: tmpdir(), model });
    const args = [
      'eval',
      '--cases',
      join(FIXTURES, 'eval'),
      '--case',
      'typescript__inventory__reserve-last-unit',
    ];
    expect(await runCli([...args, '--out', makeTempDir('sift-eval-out-'), '--quiet'], deps)).toBe(0);
    expect(stdout()).toContain(
      '### typescript__inventory__reserve-last-unit\n\n- `src/stock.ts:6` `reserve` refuses the last units — rejected by the verifier: available is checked after the decrement\n',
    );
    expect(stdout()).toContain('| precision | n/a |\n| recall | 0.000 |\n');
  });

  it('--out naming a file › exit 2 before any model call', async () => {
    const dir = makeTempDir('sift-eval-out-');
    writeFileSync(join(dir, 'taken'), '');
    const model = createScriptedModel(DEV_CASES_SCRIPT);
    const { deps, err } = harness({ cwd: dir, model });
    expect(await runCli(['eval', '--cases', join(FIXTURES, 'eval'), '--out', 'taken', '--quiet'], deps)).toBe(
      2,
    );
    expect(err()).toContain('sift: cannot write taken: it is a file, not a folder');
    expect(model.requests).toHaveLength(0);
  });

  it('--case picks cases; an unknown id is an error', async () => {
    const { deps, err } = harness({ cwd: tmpdir() });
    expect(await runCli(['eval', '--cases', join(FIXTURES, 'eval'), '--case', 'nope', '--quiet'], deps)).toBe(
      2,
    );
    expect(err()).toContain('no case nope');
  });
});

describe('sift config check', () => {
  it('a file with a typo › exit 1, the key and line named, the effective settings printed', async () => {
    const dir = makeTempDir('sift-config-');
    writeFileSync(join(dir, 'sift.yml'), 'threshold: 0.8\nmaxComment: 3\n');
    const { deps, out, err } = harness({ cwd: dir });
    expect(await runCli(['config', 'check', 'sift.yml'], deps)).toBe(1);
    expect(err()).toContain('sift.yml:2: `maxComment` is not a Sift setting');
    expect(out()).toContain('threshold: 0.8');
  });

  it('in a repository without .github/sift.yml › says which file it looked for, that the defaults apply, exit 0', async () => {
    const dir = makeTempDir('sift-config-');
    const { deps, out, err } = harness({ cwd: dir });
    expect(await runCli(['config', 'check'], deps)).toBe(0);
    expect(out()).toContain(
      `# effective configuration (there is no ${join(dir, '.github/sift.yml')}: the defaults apply)`,
    );
    expect(out()).toContain('maxComments: 5');
    expect(err()).toBe('');
  });

  it('a file named on the command line that does not exist › exit 2, saying so', async () => {
    const dir = makeTempDir('sift-config-');
    const { deps, err } = harness({ cwd: dir });
    expect(await runCli(['config', 'check', 'missing.yml'], deps)).toBe(2);
    expect(err()).toBe(`sift: cannot read ${join(dir, 'missing.yml')}: there is no such file\n`);
  });

  it('a YAML syntax error › file:line:col and the reason, exit 1', async () => {
    const dir = makeTempDir('sift-config-');
    writeFileSync(join(dir, 'sift.yml'), 'threshold: 0.8\nautoReview: drafts: true\n');
    const { deps, err } = harness({ cwd: dir });
    expect(await runCli(['config', 'check', 'sift.yml'], deps)).toBe(1);
    expect(err()).toBe(
      `${join(dir, 'sift.yml')}:2:13: invalid YAML: Nested mappings are not allowed in compact mappings\n`,
    );
  });

  it('a valid file › exit 0', async () => {
    const dir = makeTempDir('sift-config-');
    writeFileSync(join(dir, 'sift.yml'), 'ensemble:\n  passes: 2\n');
    const { deps } = harness({ cwd: dir });
    expect(await runCli(['config', 'check', 'sift.yml'], deps)).toBe(0);
  });
});

describe('sift help and --version', () => {
  it('prints the commands and the version', async () => {
    const { deps, out } = harness({ cwd: tmpdir() });
    expect(await runCli(['help'], deps)).toBe(0);
    expect(await runCli(['--version'], deps)).toBe(0);
    expect(out()).toContain('sift review [options]');
    expect(out()).toContain('--env-file <file>');
    expect(out()).toContain('NO_COLOR');
    expect(out()).toContain('0.0.0-test');
  });
});
