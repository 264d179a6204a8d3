import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDotEnv } from '../../src/config/with-dot-env.js';
import { EnvInvalidError } from '../../src/errors.js';
import { makeTempDir } from '../support/temp-dir.js';

function dotEnv(text: string): string {
  const path = join(makeTempDir('sift-dotenv-'), '.env');
  writeFileSync(path, text);
  return path;
}

describe('withDotEnv', () => {
  it('a .env as Probot’s setup page writes it › its values, quoted PEM newlines expanded', () => {
    const path = dotEnv(
      'APP_ID=123\nPRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nabc\\n-----END RSA PRIVATE KEY-----"\nWEBHOOK_SECRET=s3cret\n# a comment\n',
    );

    const env = withDotEnv({ PATH: '/bin' }, path);

    expect(env).toMatchObject({ PATH: '/bin', APP_ID: '123', WEBHOOK_SECRET: 's3cret' });
    expect(env.PRIVATE_KEY).toBe('-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----');
  });

  it('a variable in both › the environment wins, as with node --env-file', () => {
    expect(withDotEnv({ SIFT_MODEL: 'from-env' }, dotEnv('SIFT_MODEL=from-file\n')).SIFT_MODEL).toBe(
      'from-env',
    );
  });

  it('a variable set blank in the environment (docker-compose passes unset ones as "") › the file’s value', () => {
    expect(withDotEnv({ OPENAI_API_KEY: '' }, dotEnv('OPENAI_API_KEY=sk-file\n')).OPENAI_API_KEY).toBe(
      'sk-file',
    );
  });

  it('no .env › the environment unchanged', () => {
    const env = { A: '1' };
    expect(withDotEnv(env, join(makeTempDir('sift-dotenv-'), '.env'))).toBe(env);
  });

  // A folder cannot be read even by root, where CI runs; a file without read permission takes
  // the same path but could only be tested as another user.
  it('a .env that cannot be read (a folder) › an EnvInvalidError naming it', () => {
    const folder = makeTempDir('sift-dotenv-');
    expect(() => withDotEnv({}, folder)).toThrow(EnvInvalidError);
    expect(() => withDotEnv({}, folder)).toThrow(`[sift] cannot read ${folder}: EISDIR`);
  });
});
