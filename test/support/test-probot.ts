import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import type { Sift } from '../../src/app.js';

let privateKey: string | undefined;

/** An RSA key for the app's JWTs, made once per test process (committing one would trip secret scanners). */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();
  return privateKey;
}

export const TEST_APP_ID = 123;

/**
 * A Probot with retries and throttling off, using the function form of `defaults` — the object
 * form is overridden by Probot and makes every request wait for the throttler.
 */
export async function createTestProbot(sift: Sift): Promise<Probot> {
  const probot = new Probot({
    appId: TEST_APP_ID,
    privateKey: testPrivateKey(),
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options.throttle as object | undefined), enabled: false },
    })),
  });
  await probot.load(sift.app);
  return probot;
}
