import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../support/fake-github-server.js';
import type { ChatRequest, ReceivedChatRequest } from '../support/fake-model-server.js';
import { inventoryPullRequest, openedPayload } from '../support/inventory-pull-request.js';
import type { FakePullRequest } from '../support/pull-request-from-git.js';
import {
  runServerScenario,
  SERVER_TEST_TIMEOUT_MS,
  type ServerScenario,
  waitFor,
} from '../support/run-server-scenario.js';
import { scriptedAnswer } from '../support/scripted-model.js';
import { INVENTORY_SCRIPT } from './lifecycle/script.js';

// `npm start` with each provider's settings as the README gives them, against a fake of that
// provider's HTTP API on 127.0.0.1: what reached it (path, credentials, model, response_format)
// and that the review was still posted.

const answerAsScripted = (request: ChatRequest) => scriptedAnswer(INVENTORY_SCRIPT, request.messages);

/** Which role a request was for, read from the prompt the way the scripted model reads it. */
function roleOf(request: ReceivedChatRequest): 'reviewer' | 'verifier' | 'responder' {
  const last = request.body.messages.at(-1)?.content ?? '';
  if (last.includes('# The thread so far')) return 'responder';
  if (last.includes('# Your task now: verify proposed findings')) return 'verifier';
  return 'reviewer';
}

function expectOneReviewAndCheckRun(github: FakeGitHub) {
  expect(github.reviews).toHaveLength(1);
  expect((github.reviews[0] as { comments: unknown[] }).comments.length).toBeGreaterThan(0);
  expect(github.checkRuns.filter((run) => run.body.status === 'completed')).toHaveLength(1);
  expect(github.unexpected).toEqual([]);
}

/** A person's question in the thread of Sift's first comment; resolves once Sift has answered it. */
async function askInThread(scenario: ServerScenario, pr: FakePullRequest) {
  const root = scenario.github.reviewComments.find((comment) => comment.in_reply_to_id === null);
  if (!root) throw new Error('Sift posted no inline comment to reply to');
  const reply = scenario.github.addReply(root.id, 'Why would this fail?', 'octocat');
  await scenario.deliver('pull_request_review_comment', {
    action: 'created',
    pull_request: pr.pull,
    comment: { id: reply.id, in_reply_to_id: root.id, body: reply.body, user: reply.user },
    repository: { name: pr.repo, owner: { login: pr.owner } },
    installation: { id: 42 },
    sender: reply.user,
  });
  await waitFor(
    async () =>
      scenario.github.reviewComments.some(
        (comment) => comment.in_reply_to_id === root.id && comment.user.type === 'Bot',
      ),
    60_000,
    () => `Sift did not answer in the thread:\n${scenario.output.slice(-20).join('\n')}`,
  );
}

describe('npm start with each model provider', { timeout: SERVER_TEST_TIMEOUT_MS }, () => {
  let scenario: ServerScenario | undefined;

  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  it('OpenAI, a model per role › /v1/chat/completions with the Bearer key; passes, verifier and the reply in a thread each name their model', async () => {
    const pr = inventoryPullRequest();
    scenario = await runServerScenario(pr, answerAsScripted, {
      settings: {
        OPENAI_API_KEY: 'sk-proj-example',
        SIFT_MODEL: 'gpt-4.1',
        SIFT_VERIFIER_MODEL: 'o4-mini',
        SIFT_CONVERSATION_MODEL: 'gpt-4.1-mini',
      },
    });

    expect(await scenario.deliver('pull_request', openedPayload(pr))).toBe(200);
    await scenario.waitForCompletedCheckRuns(1);
    await askInThread(scenario, pr);

    expectOneReviewAndCheckRun(scenario.github);
    const received = scenario.model.received;
    expect(received.map((request) => `${roleOf(request)} ${request.body.model}`)).toEqual([
      'reviewer gpt-4.1',
      'reviewer gpt-4.1',
      'reviewer gpt-4.1',
      'reviewer gpt-4.1',
      'verifier o4-mini',
      'responder gpt-4.1-mini',
    ]);
    for (const request of received) {
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.headers.authorization).toBe('Bearer sk-proj-example');
      expect(request.body.response_format).toMatchObject({
        type: 'json_schema',
        json_schema: { strict: true },
      });
    }
  });

  it('Azure OpenAI › each role to its deployment with the API version and the api-key header, OPENAI_BASE_URL set beside it notwithstanding', async () => {
    const pr = inventoryPullRequest();
    scenario = await runServerScenario(pr, answerAsScripted, {
      // The scenario's OPENAI_BASE_URL stays set: Azure wins, and the SDK must not refuse the pair.
      settings: ({ model }) => ({
        AZURE_OPENAI_ENDPOINT: model.origin,
        AZURE_OPENAI_API_KEY: 'azure-key-example',
        AZURE_OPENAI_DEPLOYMENT: 'sift-gpt-41',
        AZURE_OPENAI_API_VERSION: '2024-10-21',
        SIFT_VERIFIER_MODEL: 'sift-o4-mini',
        OPENAI_API_KEY: '',
      }),
    });

    expect(await scenario.deliver('pull_request', openedPayload(pr))).toBe(200);
    await scenario.waitForCompletedCheckRuns(1);

    expectOneReviewAndCheckRun(scenario.github);
    const received = scenario.model.received;
    expect(received.map((request) => `${roleOf(request)} ${request.path}`)).toEqual([
      ...Array.from(
        { length: 4 },
        () => 'reviewer /openai/deployments/sift-gpt-41/chat/completions?api-version=2024-10-21',
      ),
      'verifier /openai/deployments/sift-o4-mini/chat/completions?api-version=2024-10-21',
    ]);
    for (const request of received) {
      expect(request.headers['api-key']).toBe('azure-key-example');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.body.response_format).toMatchObject({ type: 'json_schema' });
    }
  });

  it('an OpenAI-compatible server without json_schema (Ollama, older vLLM) › refused once per pass in flight, then JSON mode with the schema in the prompt, and the review is posted', async () => {
    const pr = inventoryPullRequest();
    const refuseJsonSchema = (request: ChatRequest) =>
      (request.response_format as { type?: string } | undefined)?.type === 'json_schema'
        ? { status: 400, message: 'response_format json_schema not supported' }
        : answerAsScripted(request);
    scenario = await runServerScenario(pr, refuseJsonSchema, {
      settings: { SIFT_MODEL: 'qwen2.5-coder:32b', OPENAI_API_KEY: '' },
    });

    expect(await scenario.deliver('pull_request', openedPayload(pr))).toBe(200);
    await scenario.waitForCompletedCheckRuns(1);

    expectOneReviewAndCheckRun(scenario.github);
    const formats = scenario.model.received.map(
      (request) => (request.body.response_format as { type: string }).type,
    );
    const refused = formats.filter((format) => format === 'json_schema').length;
    // The four passes start together, so each may meet the refusal before the first steps down.
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(4);
    expect(formats.slice(refused)).toEqual(Array.from({ length: 5 }, () => 'json_object'));
    for (const request of scenario.model.received.slice(refused)) {
      expect(request.body.model).toBe('qwen2.5-coder:32b');
      expect(request.body.messages.at(-1)?.content).toContain('# Answer format');
    }
    expect(roleOf(scenario.model.received.at(-1) as ReceivedChatRequest)).toBe('verifier');
    const stepDowns = scenario.output.filter((line) => line.includes('asking for json_object from now on'));
    expect(stepDowns).toHaveLength(1);
    expect(stepDowns[0]).toContain('"level":40'); // warn
  });
});
