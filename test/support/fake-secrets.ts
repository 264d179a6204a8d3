/**
 * Fake credentials with the real shapes (prefix, alphabet, length) of the providers' tokens.
 * Each is assembled from pieces at run time, so that secret scanners — GitHub push protection
 * included — never see a whole token in the source. None of them was ever valid.
 */
const join = (...pieces: string[]): string => pieces.join('');

const BASE64_LINE = join('MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePz', 'Nm0tRgeLezV6ffAt0gun');

export const FAKE = {
  awsAccessKeyId: join('AKIA', 'Q3EGRZ7XK2MPLT5W'),
  awsSecretAccessKey: join('wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', '9sK4Lp2Qz8'),
  githubClassic: join('ghp', '_', 'a1B2c3D4e5F6'.repeat(3)),
  githubOAuth: join('gho', '_', 'Q9w8E7r6T5y4'.repeat(3)),
  githubInstallation: join('ghs', '_', 'Z9y8X7w6V5u4'.repeat(3)),
  githubRefresh: join('ghr', '_', 'M1n2B3v4C5x6'.repeat(3)),
  githubFineGrained: join(
    'github',
    '_pat_',
    '11ABCDEFG0A1b2C3d4E5f6',
    '_',
    'xYz123AbC4'.repeat(5),
    'Qw3rTy9U0',
  ),
  gitlab: join('glpat', '-', 'xYz123AbC456dEf789Gh'),
  slackBot: join('xoxb', '-', '1234567890', '-', '1234567890123', '-', 'AbCdEfGhIjKlMnOpQrStUvWx'),
  slackUser: join(
    'xoxp',
    '-',
    '1234567890-1234567890-1234567890123',
    '-',
    'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
  ),
  slackApp: join('xapp', '-1-', 'A0123456789', '-', '1234567890123', '-', 'abcdef0123456789'.repeat(4)),
  slackWebhookPath: join('T01ABCD2EFG', '/', 'B02HIJK3LMN', '/', 'a1b2c3d4e5f6g7h8i9j0k1l2'),
  stripe: join('sk', '_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
  stripeRestricted: join('rk', '_live_', '51Hx9QpLm2Zr7Tw3Ks8Vn4Yb'),
  twilio: join('SK', 'a1b2c3d4e5f6a7b8', 'c9d0e1f2a3b4c5d6'),
  sendgrid: join('SG', '.', 'ngeVfQFYQlKU0ufo8x5d1A', '.', 'TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr'),
  npm: join('npm', '_', 'a1B2c3D4e5F6g7H8i9J0', 'k1L2m3N4o5P6q7R8'),
  pypi: join('pypi', '-AgEIcHlwaS5vcmc', 'CJDk5NGRhZTQ0LWI2ODctNGE3Mi1iYjk4LTEyMzQ1Njc4OTBhYgACKlsz'),
  google: join('AIza', 'SyD3m0K3y_-abcdefghijklmnopqrst', 'u123'),
  openai: join('sk', '-proj-', 'Ab1_Cd2-Ef3Gh4'.repeat(4), 'T3Blbk', 'FJ', 'Zx9_Yw8-Vu7'.repeat(4)),
  openaiLegacy: join('sk', '-', 'T3BlbkFJ'.repeat(2), 'q8W7e6R5t4Y3u2I1o0P9a8S7d6F5g4H3'),
  anthropic: join('sk', '-ant-api03-', 'Zq8Xr2Lp5Vn9Tw3Ks7Hy1Jm4'.repeat(4), 'AA'),
  huggingface: join('hf', '_', 'AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh'),
  jwt: join(
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
    '.',
    'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlNpZnQifQ',
    '.',
    'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  ),
  azureStorageKey:
    join('Zm9vYmFyYmF6cXV4', 'K7MDENGbPxRfiCY9sK4Lp2Q'.repeat(3), '0A1b2C3d4E5f==').slice(0, 86) + '==',
  azureSharedAccessKey: join('q8W7e6R5t4Y3u2I1o0P9a8S7d6F5g4H3', 'jK2lM1n0B9v8C7x6Z5=').slice(0, 43) + '=',
  privateKeyLines: [
    BASE64_LINE,
    join('VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTK', 'En5u+qKhbwKfBstIs+bMY2Zkp18gnTxK'),
  ],
} as const;
