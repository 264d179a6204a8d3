/**
 * The README's workflow (examples/workflows/sift.yml) on a pull request, end to end: each run is
 * the bundled Action (`node dist-action/index.js`) given what GitHub gives a step — the event
 * payload, the variables, the step's `with:` — against a fake GitHub Enterprise Server and a fake
 * OpenAI-compatible model on 127.0.0.1. The pull request is opened, then a push fixes one finding
 * and adds a new problem, then someone with read access comments `/review`.
 *
 *   npm run build:action && npx tsx scripts/demo-action.ts
 */
import { ACTION_SCRIPT, RESTOCK } from '../test/action/action-script.js';
import { startActionScenario } from '../test/support/action-harness.js';
import { exampleWorkflow, stepInputs } from '../test/support/example-workflow.js';
import type { ActionRun } from '../test/support/run-bundled-action.js';
import { MODEL_KEY } from '../test/support/run-bundled-action.js';
import { removeTempDirs } from '../test/support/temp-dir.js';

const scenario = await startActionScenario({
  fixture: 'inventory',
  script: ACTION_SCRIPT,
  permissions: { octocat: 'write', mallory: 'read' },
});
const { text, siftStep } = exampleWorkflow('sift.yml');
const inputs = stepInputs(siftStep, { OPENAI_API_KEY: MODEL_KEY });
const { github } = scenario;

const show = (title: string, run: ActionRun) => {
  console.log(`\n━━━ ${title} ━━━ exit code ${run.exitCode}`);
  console.log('─ step log\n' + run.log.trimEnd());
  console.log('─ job summary\n' + run.summary.trimEnd());
  console.log('─ outputs ' + JSON.stringify(run.outputs));
};
const threads = () =>
  github.reviewComments
    .filter((comment) => comment.in_reply_to_id === null)
    .map(
      (comment) =>
        `  ${comment.resolved ? 'resolved' : 'open    '}  ${comment.path}:${comment.line}  ${/^\*\*(.+?)\*\*/.exec(comment.body)?.[1]} (by ${comment.user.login})`,
    )
    .join('\n');

try {
  console.log('━━━ .github/workflows/sift.yml ━━━\n' + text.trimEnd());

  show(
    `pull_request opened, head ${scenario.head().slice(0, 7)}`,
    await scenario.run(scenario.pullRequestEvent('opened'), inputs),
  );
  console.log(`─ on GitHub: ${github.reviews.length} review\n${threads()}`);

  scenario.push({
    'src/stock.ts': (code) => `${code.replace('available <= count', 'available < count')}${RESTOCK}`,
  });
  show(
    `pull_request synchronize, head ${scenario.head().slice(0, 7)} (fixes reserve, adds restock)`,
    await scenario.run(scenario.pullRequestEvent('synchronize'), inputs),
  );
  const replies = github.reviewComments.filter((comment) => comment.in_reply_to_id !== null);
  console.log(`─ on GitHub: ${github.reviews.length} reviews\n${threads()}`);
  for (const reply of replies) console.log(`  reply by ${reply.user.login}: ${reply.body}`);

  show(
    'issue_comment "/review" by mallory (read access)',
    await scenario.run(scenario.commentEvent('/review', 'mallory'), inputs),
  );
  console.log(
    `─ on GitHub: ${github.reviews.length} reviews; 👀 on comment ${github.reactions.map((r) => r.commentId).join(', ')}`,
  );
  for (const comment of github.issueComments)
    console.log(`  comment by ${comment.user.login}: ${comment.body}`);
  console.log(`\nrequests no route of the fake GitHub answered: ${github.unexpected.length}`);
} finally {
  await scenario.stop();
  removeTempDirs();
}
