/**
 * Shows the whole app path on one machine: `npm start` against a fake GitHub Enterprise Server and
 * a fake OpenAI-compatible model on 127.0.0.1, one signed `pull_request.opened` webhook for a real
 * pull request from ../shared/eval, and what Sift sent back.
 *
 *   npx tsx scripts/demo-webhook.ts [case-id]
 */

import { cloneEvalBundle, HAS_EVAL_CASES, readEvalCase } from '../test/support/eval-cases.js';
import { fileIdsInPrompt } from '../test/support/fake-model-server.js';
import { pullRequestFromGit } from '../test/support/pull-request-from-git.js';
import { runServerScenario } from '../test/support/run-server-scenario.js';

if (!HAS_EVAL_CASES) {
  console.error('This demo needs the eval cases in ../shared/eval.');
  process.exit(1);
}
const evalCase = readEvalCase(process.argv[2] ?? 'typescript__immer__each-callback-order');
const expected = evalCase.caseJson.expected as Array<{
  path: string;
  start_line: number;
  end_line: number;
  note: string;
}>;
const pr = pullRequestFromGit(cloneEvalBundle(evalCase.id), {
  baseRef: 'origin/base',
  headRef: 'origin/head',
  title: evalCase.caseJson.title,
  body: evalCase.caseJson.description,
  repo: evalCase.id.split('__')[1] ?? 'project',
  number: 12,
});

const scenario = await runServerScenario(pr, (request) => {
  const ids = fileIdsInPrompt(request);
  const findings = expected.map((location) => ({
    startLineId: `${ids.get(location.path)}:R${location.start_line}`,
    endLineId: `${ids.get(location.path)}:R${location.end_line}`,
    category: 'bug',
    severity: 'major',
    title: 'Scripted finding at the labelled location',
    body: location.note,
    evidence: [],
    suggestion: null,
  }));
  findings.push({
    ...findings[0],
    startLineId: 'F1:R99999',
    endLineId: 'F1:R99999',
    title: 'Scripted finding outside the diff',
  } as never);
  return { findings };
});
try {
  console.log(
    `case ${evalCase.id}: ${pr.files.length} changed file(s), head ${String((pr.pull.head as { sha: string }).sha).slice(0, 7)}`,
  );
  const status = await scenario.deliver('pull_request', {
    action: 'opened',
    number: pr.number,
    pull_request: pr.pull,
    repository: { name: pr.repo, owner: { login: pr.owner } },
    installation: { id: 42 },
  });
  console.log(`webhook answered HTTP ${status}`);
  await scenario.waitForCompletedCheckRuns(1);
  console.log('\nrequests Sift made to the fake GitHub:');
  for (const request of scenario.github.requests) console.log(`  ${request.method} ${request.path}`);
  console.log(`\nmodel calls: ${scenario.model.requests.length}`);
  console.log(`reviews posted: ${scenario.github.reviews.length}`);
  for (const review of scenario.github.reviews) {
    const comments = review.comments as Array<Record<string, unknown>>;
    console.log(`  event ${review.event}, ${comments.length} inline comment(s):`);
    for (const comment of comments) {
      console.log(
        `    ${comment.path} ${comment.side} ${comment.start_line ? `${comment.start_line}-` : ''}${comment.line}`,
      );
    }
  }
  const completed = scenario.github.checkRuns.filter((run) => run.body.status === 'completed');
  for (const run of completed) {
    const output = run.body.output as { title: string; summary: string };
    console.log(`\ncheck run completed: ${run.body.conclusion} — ${output.title}\n${output.summary}`);
  }
  console.log(`\nrequests no route answered: ${scenario.github.unexpected.length}`);
} finally {
  await scenario.stop();
}
