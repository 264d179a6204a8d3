import { describe, expect, it } from 'vitest';
import { loadServerEnv } from '../../src/config/load-server-env.js';
import { EnvInvalidError } from '../../src/errors.js';
import { makeTempDir } from '../support/temp-dir.js';
import { testPrivateKey } from '../support/test-probot.js';

const complete = () => ({
  APP_ID: '123',
  PRIVATE_KEY: testPrivateKey(),
  WEBHOOK_SECRET: 'secret',
  OPENAI_API_KEY: 'sk-test',
});

function load(env: NodeJS.ProcessEnv) {
  return loadServerEnv(env, { cwd: makeTempDir('sift-server-env-') });
}

function problem(env: NodeJS.ProcessEnv): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvInvalidError);
    return (error as Error).message;
  }
  throw new Error('expected loadServerEnv to throw');
}

describe('loadServerEnv', () => {
  it('no credentials at all › setup mode, which needs nothing else', () => {
    expect(load({})).toMatchObject({ mode: 'setup', listen: { host: 'localhost', port: 3000 } });
  });

  it('no credentials with NODE_ENV=production › refused: the setup page is for a first run', () => {
    expect(problem({ NODE_ENV: 'production' })).toContain(
      'the setup page is not served when NODE_ENV=production',
    );
  });

  it('complete settings › the app with its credentials, github.com and Sift’s own settings', () => {
    const env = load(complete());
    expect(env).toMatchObject({
      mode: 'app',
      app: { appId: 123, webhookSecret: 'secret', baseUrl: 'https://api.github.com' },
      log: { level: 'info', format: 'pretty' },
      sift: { model: 'gpt-4.1' },
    });
  });

  it('GHE_HOST and GHE_PROTOCOL › the Enterprise Server API URL', () => {
    const env = load({ ...complete(), GHE_HOST: 'github.acme.internal', GHE_PROTOCOL: 'http' });
    expect(env.mode === 'app' && env.app.baseUrl).toBe('http://github.acme.internal/api/v3');
  });

  it('NODE_ENV=production › JSON logs unless LOG_FORMAT says otherwise', () => {
    expect(load({ ...complete(), NODE_ENV: 'production' }).log.format).toBe('json');
    expect(load({ ...complete(), NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).log.format).toBe('pretty');
  });

  it.each([
    ['APP_ID only', { PRIVATE_KEY: undefined }, 'APP_ID is set but there is no private key'],
    ['a key only', { APP_ID: undefined }, 'a private key is set but APP_ID is not'],
    ['no webhook secret', { WEBHOOK_SECRET: undefined }, 'WEBHOOK_SECRET is not set'],
    ['no model settings', { OPENAI_API_KEY: undefined }, 'OPENAI_API_KEY is not set'],
    ['a private key that is not PEM', { PRIVATE_KEY: 'not a key' }, 'the private key cannot be read'],
    [
      'a key file that does not exist',
      { PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: '/nope.pem' },
      'the private key cannot be read',
    ],
    ['an invalid port', { PORT: '70000' }, 'PORT: '],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL: '],
    ['a worker without Redis', { SIFT_ROLE: 'worker' }, 'SIFT_ROLE=worker needs REDIS_URL'],
    ['a web process without Redis', { SIFT_ROLE: 'web' }, 'SIFT_ROLE=web needs REDIS_URL'],
    ['an unknown role', { SIFT_ROLE: 'both' }, 'SIFT_ROLE: expected one of all, web, worker'],
    ['a REDIS_URL that is not one', { REDIS_URL: 'localhost:6379' }, 'REDIS_URL: expected a redis://'],
  ])('%s › refused with what to set', (_, change, message) => {
    expect(problem({ ...complete(), ...change } as NodeJS.ProcessEnv)).toContain(message);
  });

  it('no REDIS_URL › one process with everything (role all)', () => {
    const env = load(complete());
    expect(env.mode === 'app' && env.scale).toEqual({ role: 'all', redisUrl: undefined });
  });

  it('REDIS_URL and SIFT_ROLE=worker › a worker sharing that Redis, its lock from SIFT_JOB_LOCK_SECONDS', () => {
    const env = load({
      ...complete(),
      REDIS_URL: 'redis://:s3cret@redis.internal:6379/2',
      SIFT_ROLE: 'worker',
      SIFT_JOB_LOCK_SECONDS: '10',
    });
    expect(env.mode === 'app' && env.scale).toEqual({
      role: 'worker',
      redisUrl: 'redis://:s3cret@redis.internal:6379/2',
      jobLockMs: 10_000,
    });
  });

  it('no SIFT_PLANS_FILE › no plans (no limits), the live Marketplace endpoints', () => {
    const env = load(complete());
    expect(env.mode === 'app' && env.marketplace).toEqual({ plansFile: undefined, stubbed: false });
  });

  it('SIFT_PLANS_FILE and SIFT_MARKETPLACE_STUBBED › the file from the working folder, the stubbed endpoints', () => {
    const cwd = makeTempDir('sift-server-env-');
    const env = loadServerEnv(
      { ...complete(), SIFT_PLANS_FILE: 'plans.yml', SIFT_MARKETPLACE_STUBBED: 'true' },
      { cwd },
    );
    expect(env.mode === 'app' && env.marketplace).toEqual({ plansFile: `${cwd}/plans.yml`, stubbed: true });
  });

  it('SIFT_MARKETPLACE_STUBBED=yes › refused, naming the values it takes', () => {
    expect(problem({ ...complete(), SIFT_MARKETPLACE_STUBBED: 'yes' })).toContain(
      'SIFT_MARKETPLACE_STUBBED: expected true or false',
    );
  });
});
