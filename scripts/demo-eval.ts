/**
 * `sift eval` end to end on every case of ../shared/eval, through the real command line and the
 * real OpenAI SDK, with the model played by a fake OpenAI-compatible server on 127.0.0.1 that
 * knows the labels (an oracle) and adds a made-up finding two passes agree on.
 *
 *   npx tsx scripts/demo-eval.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run-cli.js';
import { createModelClient } from '../src/llm/create-model-client.js';
import { HAS_EVAL_CASES } from '../test/support/eval-cases.js';
import { oracle } from '../test/support/eval-oracle.js';
import { startFakeModel } from '../test/support/fake-model-server.js';
import { scriptedAnswer } from '../test/support/scripted-model.js';

if (!HAS_EVAL_CASES) {
  console.error('This demo needs the eval cases in ../shared/eval.');
  process.exit(1);
}
const script = oracle(true);
const model = await startFakeModel((request) => scriptedAnswer(script, request.messages));
const out = mkdtempSync(join(tmpdir(), 'sift-eval-demo-'));
try {
  const code = await runCli(['eval', '--out', out, '--concurrency', '4'], {
    cwd: process.cwd(),
    env: { ...process.env, OPENAI_API_KEY: 'sk-demo', OPENAI_BASE_URL: model.baseUrl, SIFT_MODEL: 'oracle' },
    stdout: process.stdout,
    stderr: process.stderr,
    createModel: (env) => createModelClient(env),
    version: 'demo',
  });
  console.error(
    `exit code ${code}; ${model.requests.length} model requests through the OpenAI SDK; reports in ${out}`,
  );
} finally {
  await model.close();
}
