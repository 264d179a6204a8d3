/**
 * The review lifecycle against a running server: `npm start` with a fake GitHub Enterprise Server
 * and a fake OpenAI-compatible model on 127.0.0.1. The same signed `pull_request.opened` webhook
 * is sent twice, then a push that fixes one of the two findings and its `synchronize` webhook.
 *
 *   npx tsx scripts/demo-lifecycle.ts
 */
import { INVENTORY_SCRIPT } from '../test/e2e/lifecycle/script.js';
import { commitEdit, gitRepoFromFixture } from '../test/support/git-repo-from-fixture.js';
import { pullRequestFromGit } from '../test/support/pull-request-from-git.js';
import { runServerScenario } from '../test/support/run-server-scenario.js';
import { scriptedAnswer } from '../test/support/scripted-model.js';

const dir = gitRepoFromFixture('inventory');
const read = () =>
  pullRequestFromGit(dir, {
    baseRef: 'base',
    headRef: 'head',
    title: 'Reserve stock strictly',
    body: '',
    repo: 'inventory',
    number: 7,
  });
let pr = read();
const scenario = await runServerScenario(pr, (request) => scriptedAnswer(INVENTORY_SCRIPT, request.messages));
const { github } = scenario;
const payload = () => ({
  action: 'opened',
  number: 7,
  pull_request: pr.pull,
  repository: { name: 'inventory', owner: { login: 'acme' } },
  installation: { id: 42 },
});
const threads = () => github.reviewComments.filter((comment) => comment.in_reply_to_id === null);
try {
  console.log(
    `pull request acme/inventory#7 at ${String((pr.pull.head as { sha: string }).sha).slice(0, 7)}`,
  );
  console.log(
    `opened, delivery d-1: HTTP ${await scenario.deliver('pull_request', payload(), { deliveryId: 'd-1' })}`,
  );
  console.log(
    `opened, delivery d-1 again: HTTP ${await scenario.deliver('pull_request', payload(), { deliveryId: 'd-1' })}`,
  );
  await scenario.waitForCompletedCheckRuns(1);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second review, if any, would have started by now
  console.log(`reviews: ${github.reviews.length}; review comments: ${threads().length}`);
  for (const comment of threads())
    console.log(
      `  #${comment.id} ${comment.path}:${comment.line} ${/^\*\*(.+?)\*\*/.exec(comment.body)?.[1]}`,
    );

  commitEdit(
    dir,
    'src/stock.ts',
    (text) => text.replace('available <= count', 'available < count'),
    'Fix reserve',
  );
  pr = read();
  github.updatePullRequest(pr);
  const head = String((pr.pull.head as { sha: string }).sha);
  console.log(
    `\npushed ${head.slice(0, 7)} (fixes reserve); synchronize: HTTP ${await scenario.deliver('pull_request', { ...payload(), action: 'synchronize' })}`,
  );
  await scenario.waitForCompletedCheckRuns(2);

  console.log(`reviews: ${github.reviews.length}; review comments: ${threads().length}`);
  for (const comment of threads()) {
    const replies = github.reviewComments.filter((reply) => reply.in_reply_to_id === comment.id);
    console.log(
      `  #${comment.id} ${comment.path}:${comment.line} resolved=${comment.resolved}${replies.map((reply) => `\n      reply: ${reply.body}`).join('')}`,
    );
  }
  const last = github.checkRuns.filter((run) => run.body.status === 'completed').at(-1)?.body as {
    conclusion: string;
    output: { title: string; summary: string };
  };
  console.log(`\nlast check run: ${last.conclusion} — ${last.output.title}\n${last.output.summary}`);
  console.log(`\nrequests no route answered: ${github.unexpected.length}`);
} finally {
  await scenario.stop();
}
