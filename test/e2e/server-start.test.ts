import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inventoryPullRequest, openedPayload, reserveFinding } from '../support/inventory-pull-request.js';
import {
  freePort,
  makeProjectFolder,
  runServerScenario,
  runStartCommand,
  SERVER_TEST_TIMEOUT_MS,
  type ServerScenario,
  startServerProcess,
  waitFor,
} from '../support/run-server-scenario.js';
import { testPrivateKey } from '../support/test-probot.js';

describe('npm start', { timeout: SERVER_TEST_TIMEOUT_MS }, () => {
  let scenario: ServerScenario | undefined;

  afterEach(async () => {
    await scenario?.stop();
    scenario = undefined;
  });

  describe('from a folder whose only configuration is a .env file', () => {
    it('reviews a pull request from a signed webhook', async () => {
      const pr = inventoryPullRequest();
      scenario = await runServerScenario(pr, reserveFinding, { settingsFrom: 'dotenv' });

      expect(await scenario.deliver('pull_request', openedPayload(pr))).toBe(200);
      await scenario.waitForCompletedCheckRuns(1);

      expect(scenario.github.reviews).toHaveLength(1);
      expect(scenario.github.reviewComments.map((comment) => comment.path)).toEqual(['src/stock.ts']);
      expect(scenario.model.requests.length).toBeGreaterThan(0);
    });
  });

  describe('with no app credentials at all', () => {
    it('serves the setup page that registers the GitHub App', async () => {
      const port = await freePort();
      const server = await startServerProcess(makeProjectFolder(), { PORT: String(port) });
      try {
        await server.waitForUrl(`http://localhost:${port}/probot`);
        expect(await (await fetch(`http://localhost:${port}/probot`)).text()).toContain(
          'Register GitHub App',
        );
      } finally {
        await server.stop();
      }
    });
  });

  describe('with settings that cannot work', () => {
    const complete = () => ({
      APP_ID: '123',
      PRIVATE_KEY: testPrivateKey().replace(/\n/g, '\\n'),
      WEBHOOK_SECRET: 'secret',
      OPENAI_API_KEY: 'sk-test',
      PORT: '0',
      HOST: '127.0.0.1',
    });

    it.each([
      [
        'APP_ID without a private key',
        { PRIVATE_KEY: '' },
        'APP_ID is set but there is no private key: set PRIVATE_KEY',
      ],
      ['a private key without APP_ID', { APP_ID: '' }, 'a private key is set but APP_ID is not'],
      ['no WEBHOOK_SECRET', { WEBHOOK_SECRET: '' }, 'WEBHOOK_SECRET is not set'],
      ['no model settings', { OPENAI_API_KEY: '' }, 'OPENAI_API_KEY is not set'],
      [
        'an APP_ID that is not a number',
        { APP_ID: 'sift' },
        'APP_ID: expected the numeric id of the GitHub App',
      ],
    ])('%s › exits 1 before listening, with one line saying what to set', async (_, change, message) => {
      const folder = makeProjectFolder({ ...complete(), ...change });

      const { code, output } = await runStartCommand(folder, {});

      expect(code).toBe(1);
      expect(output).toContain(message);
      expect(output).not.toMatch(/\n\s+at /); // no stack trace
    });

    it('a plans file with a negative limit and an unknown default plan › exits 1, naming each line to fix', async () => {
      const folder = makeProjectFolder({ ...complete(), SIFT_PLANS_FILE: 'plans.yml' });
      writeFileSync(
        join(folder, 'plans.yml'),
        'plans:\n  free: { reviewsPerMonth: -5 }\nnoPurchase: gold\nupgradeUrl: https://github.com/marketplace/sift\n',
      );

      const { code, output } = await runStartCommand(folder, {});

      expect(code).toBe(1);
      expect(output).toContain(`the plans file ${join(folder, 'plans.yml')} (SIFT_PLANS_FILE) is invalid:`);
      expect(output).toContain('  - line 2, `plans.free.reviewsPerMonth`: expected 0 or more');
      expect(output).toContain('  - line 3, `noPurchase`: there is no plan `gold`; the plans are `free`');
      expect(output).not.toMatch(/\n\s+at /);
    });

    it('several problems › all named in one message', async () => {
      const folder = makeProjectFolder({ ...complete(), WEBHOOK_SECRET: '', OPENAI_API_KEY: '' });

      const { output } = await runStartCommand(folder, {});

      expect(output).toContain('WEBHOOK_SECRET is not set');
      expect(output).toContain('OPENAI_API_KEY is not set');
    });

    it('the environment wins over .env, as with node --env-file', async () => {
      const folder = makeProjectFolder(complete());

      const { code, output } = await runStartCommand(folder, { APP_ID: 'from-the-environment' });

      expect(code).toBe(1);
      expect(output).toContain('APP_ID: expected the numeric id of the GitHub App');
    });
  });

  describe('with hostile or broken deliveries', () => {
    it.each([
      ['null', 'null', 'the body must be a JSON object'],
      ['42', '42', 'the body must be a JSON object'],
      ['a JSON array', '[]', 'the body must be a JSON object'],
      ['text that is not JSON', '{"action":', 'the body is not valid JSON'],
    ])('a signed body of %s › 400 with a clear reason, and no review', async (_, body, reason) => {
      const pr = inventoryPullRequest();
      scenario = await runServerScenario(pr, reserveFinding);

      const response = await postWebhook(scenario, body, { sign: true });

      expect(response.status).toBe(400);
      expect(response.body).toContain(reason);
      expect(scenario.github.requests).toEqual([]);
    });

    it('a bad signature › 401, one warning line with the delivery and event, never the body', async () => {
      const pr = inventoryPullRequest();
      scenario = await runServerScenario(pr, reserveFinding);
      const body = JSON.stringify({ ...openedPayload(pr), marker: 'UNVERIFIED-BODY-TEXT' });

      const response = await postWebhook(scenario, body, { sign: false, deliveryId: 'forged-1' });
      await new Promise((resolve) => setTimeout(resolve, 200)); // let the log line arrive

      expect(response.status).toBe(401);
      const lines = scenario.output.filter((line) => line.includes('forged-1'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
        level: 40,
        delivery: 'forged-1',
        event: 'pull_request',
        reason: 'the signature does not match WEBHOOK_SECRET',
      });
      expect(scenario.output.join('\n')).not.toContain('UNVERIFIED-BODY-TEXT');
      expect(scenario.output.filter((line) => /"level":50/.test(line))).toEqual([]);
      expect(scenario.github.requests).toEqual([]);
    });

    it('the health endpoints › /healthz and /readyz answer 200; /metrics counts the review it did', async () => {
      const pr = inventoryPullRequest();
      scenario = await runServerScenario(pr, reserveFinding);

      expect((await fetch(`${scenario.baseUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${scenario.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ detail: expect.stringContaining('sift.db') });

      await scenario.deliver('pull_request', openedPayload(pr));
      await scenario.waitForCompletedCheckRuns(1);
      // The job is counted when the worker lets go of it, a moment after the check run completes.
      const counted = /^sift_jobs_total\{kind="review",result="posted"\} 1$/m;
      let exposition = '';
      await waitFor(
        async () => {
          const metrics = await fetch(`${scenario?.baseUrl}/metrics`);
          expect(metrics.headers.get('content-type')).toContain('text/plain');
          exposition = await metrics.text();
          return counted.test(exposition);
        },
        10_000,
        () => `/metrics never counted the posted review:\n${exposition}`,
      );
    });
  });
});

async function postWebhook(
  scenario: ServerScenario,
  body: string,
  options: { sign: boolean; deliveryId?: string },
): Promise<{ status: number; body: string }> {
  const { createHmac } = await import('node:crypto');
  const secret = options.sign ? 'scenario-secret' : 'someone-else';
  const response = await fetch(`${scenario.baseUrl}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': options.deliveryId ?? crypto.randomUUID(),
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}
