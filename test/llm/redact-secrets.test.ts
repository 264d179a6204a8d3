import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/llm/redact-secrets.js';

const R = '[redacted secret]';

// Tokens are assembled at run time so that secret scanners do not flag this file.
const token = {
  githubClassic: `ghp_${'a1B2c3D4e5F6'.repeat(3)}`,
  githubInstallation: `ghs_${'Z9y8X7w6V5u4'.repeat(3)}`,
  githubFineGrained: `github_pat_${'11ABCDEFG0'.repeat(2)}_${'xYz123AbC4'.repeat(6)}`,
  openai: `sk-${'T3BlbkFJ'.repeat(5)}`,
  openaiProject: `sk-proj-${'Ab1_Cd2-Ef3'.repeat(4)}`,
  aws: `AKIA${'IOSFODNN7EXAMPLE'}`,
  slackBot: `xoxb-${'1234567890'}-${'0987654321'}-${'AbCdEfGhIjKlMnOpQrStUvWx'}`,
  google: `AIza${'Sy'}${'D3m0K3y_-abcdefghijklmnopqrstu'}123`,
  stripe: `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`,
  jwt: [
    'eyJhbGciOiJIUzI1NiJ9',
    'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
    'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  ].join('.'),
};

describe('redactSecrets', () => {
  describe('tokens with a recognisable shape', () => {
    it.each([
      ['a GitHub personal access token', `const token = '${token.githubClassic}';`, `const token = '${R}';`],
      [
        'a GitHub installation token',
        `Authorization: token ${token.githubInstallation}`,
        `Authorization: token ${R}`,
      ],
      ['a fine-grained GitHub token', `GH_TOKEN=${token.githubFineGrained}`, `GH_TOKEN=${R}`],
      ['an OpenAI key', `OPENAI_API_KEY=${token.openai}`, `OPENAI_API_KEY=${R}`],
      ['an OpenAI project key', `  apiKey: "${token.openaiProject}",`, `  apiKey: "${R}",`],
      ['an AWS access key id', `aws_access_key_id = ${token.aws}`, `aws_access_key_id = ${R}`],
      [
        'a Slack bot token',
        `slack.chat.postMessage({ token: '${token.slackBot}' })`,
        `slack.chat.postMessage({ token: '${R}' })`,
      ],
      [
        'a Google API key',
        `https://maps.googleapis.com/maps/api/js?key=${token.google}`,
        `https://maps.googleapis.com/maps/api/js?key=${R}`,
      ],
      ['a Stripe live key', `Stripe(${JSON.stringify(token.stripe)})`, `Stripe("${R}")`],
      ['a JWT', `curl -H "Authorization: Bearer ${token.jwt}"`, `curl -H "Authorization: Bearer ${R}"`],
      ['two tokens on one line', `${token.aws} ${token.githubClassic}`, `${R} ${R}`],
    ])('%s › replaced, the rest of the line kept', (_, line, expected) => {
      expect(redactSecrets([line])).toEqual([expected]);
    });
  });

  describe('secrets assigned to a telling name', () => {
    it.each([
      ['password = "…"', 'password = "correct-horse-battery"', `password = "${R}"`],
      ['a YAML api_key', "  api_key: 'Xk29fj3Lq0pz'", `  api_key: '${R}'`],
      ['a JSON clientSecret', '  "clientSecret": "d8f7a6b5c4d3e2f1",', `  "clientSecret": "${R}",`],
      ['a Python db password', 'DB_PASSWORD = "s3cr3t-Pa55w0rd"', `DB_PASSWORD = "${R}"`],
      ['an auth_token in a dict', "{'auth_token': 'abcdef123456'}", `{'auth_token': '${R}'}`],
    ])('%s › the value replaced, the name kept', (_, line, expected) => {
      expect(redactSecrets([line])).toEqual([expected]);
    });

    it.each([
      ['a short literal (a test fixture, not a credential)', 'password = "x"'],
      ['an empty literal', 'if (password === "") return false;'],
      ['a value read from the environment', 'const password = process.env.DB_PASSWORD;'],
      ['a function call', 'password: hash(input.password),'],
      ['a form field name', '<input type="password" name="password">'],
    ])('%s › left alone', (_, line) => {
      expect(redactSecrets([line])).toEqual([line]);
    });
  });

  describe('PEM private key blocks', () => {
    it('redacts every line from BEGIN to END and nothing around them', () => {
      const lines = [
        'const key = `',
        '-----BEGIN RSA PRIVATE KEY-----',
        'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
        'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
        '-----END RSA PRIVATE KEY-----',
        '`;',
        'export default key;',
      ];
      expect(redactSecrets(lines)).toEqual(['const key = `', R, R, R, R, '`;', 'export default key;']);
    });

    it.each(['OPENSSH PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PRIVATE KEY'])(
      '%s › redacted',
      (kind) => {
        expect(
          redactSecrets([`-----BEGIN ${kind}-----`, 'b3BlbnNzaC1rZXktdjEAAAAA', `-----END ${kind}-----`]),
        ).toEqual([R, R, R]);
      },
    );

    it('on one line, as in a JSON string › from BEGIN to the end of the line, and the next line is untouched', () => {
      expect(
        redactSecrets([
          '  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n",',
          '  "client_email": "sift@acme.iam.gserviceaccount.com",',
        ]),
      ).toEqual([`  "private_key": "${R}`, '  "client_email": "sift@acme.iam.gserviceaccount.com",']);
    });

    it('a public key or certificate › left alone', () => {
      const lines = [
        '-----BEGIN PUBLIC KEY-----',
        'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
        '-----END PUBLIC KEY-----',
      ];
      expect(redactSecrets(lines)).toEqual(lines);
    });

    it('a block whose END is beyond the hunk › redacted to the end', () => {
      expect(redactSecrets(['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBg', 'MIIEvQIBADANBh'])).toEqual([
        R,
        R,
        R,
      ]);
    });

    it('two calls › independent: a block left open by one does not leak into the next', () => {
      redactSecrets(['-----BEGIN PRIVATE KEY-----']);
      expect(redactSecrets(['const a = 1;'])).toEqual(['const a = 1;']);
    });
  });

  it('never changes the number of lines, so line ids stay true', () => {
    const lines = [
      'import os',
      '',
      `OPENAI_API_KEY = "${token.openai}"`,
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7',
      '-----END PRIVATE KEY-----',
      'password = "hunter2hunter2"',
      '',
    ];
    const redacted = redactSecrets(lines);
    expect(redacted).toHaveLength(lines.length);
    expect(redacted[0]).toBe('import os');
    expect(redacted[7]).toBe('');
  });

  it('leaves ordinary code untouched', () => {
    // From a real change: express session setup and a token bucket, full of near-miss words.
    const code = [
      "import session from 'express-session';",
      'const secret = process.env.SESSION_SECRET ?? randomBytes(32).toString("hex");',
      'app.use(session({ secret, resave: false, saveUninitialized: false }));',
      'export function takeToken(bucket: TokenBucket, now = Date.now()): boolean {',
      '  const refill = Math.floor((now - bucket.updatedAt) / bucket.refillMs);',
      "  const apiKeyHeader = req.get('x-api-key');",
      "  const className = 'task-list-item-checkbox-with-long-name';",
      '  return bucket.tokens-- > 0; // sk-learn style comment',
      '}',
    ];
    expect(redactSecrets(code)).toEqual(code);
  });
});
