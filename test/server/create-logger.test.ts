import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { LogSettings } from '../../src/config/load-server-env.js';
import { createLogger } from '../../src/server/create-logger.js';
import { FAKE } from '../support/fake-secrets.js';
import { testPrivateKey } from '../support/test-probot.js';

const JSON_LOGS: LogSettings = { level: 'info', format: 'json', levelInString: false, messageKey: 'msg' };

/** A logger writing JSON lines into a buffer, and a way to read what it wrote. */
async function capture(credentials: readonly string[]) {
  const destination = new PassThrough();
  const chunks: string[] = [];
  destination.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const log = await createLogger(JSON_LOGS, { credentials, destination });
  return {
    log,
    written: () => new Promise<string>((resolve) => setImmediate(() => resolve(chunks.join('')))),
  };
}

describe('createLogger', () => {
  const apiKey = 'azk-7f3a9c2e5b1d8f4a6c0e9b2d';
  const webhookSecret = 'whs-0b9c8d7e6f5a4b3c2d1e';

  it('an authorization header in a logged request › censored', async () => {
    const { log, written } = await capture([]);
    log.info({ req: { headers: { authorization: 'token abc', accept: 'application/json' } } }, 'delivery');
    log.error({ err: { request: { headers: { authorization: 'Bearer xyz' } } } }, 'GitHub failed');
    const text = await written();
    expect(text).not.toMatch(/token abc|Bearer xyz/);
    expect(text).toContain('"authorization":"[redacted]"');
    expect(text).toContain('"accept":"application/json"');
  });

  it('Sift’s credentials anywhere in a line, children’s lines included › cut', async () => {
    const pem = testPrivateKey();
    const { log, written } = await capture([apiKey, webhookSecret, pem]);
    log.error(new Error(`request to https://gw.acme.dev/v1?key=${apiKey} failed`));
    log.child({ name: 'probot' }).warn(`signature computed with ${webhookSecret}`);
    log.info({ settings: { key: pem } }, 'loaded');
    const text = await written();
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(webhookSecret);
    expect(text).not.toContain(pem.split('\n')[1]);
    expect(text).toContain('?key=[redacted secret] failed');
  });

  it('an installation token in a message › cut by its shape', async () => {
    const { log, written } = await capture([]);
    log.warn(`retrying with token ${FAKE.githubInstallation}`);
    const text = await written();
    expect(text).not.toContain(FAKE.githubInstallation);
    expect(JSON.parse(text.trim()).msg).toBe('retrying with token [redacted secret]');
  });
});
