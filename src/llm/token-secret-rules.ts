import { type SecretRule, secretRule } from './secret-rule.js';

// Where the shapes come from (both MIT): gitleaks' default config, config/gitleaks.toml at
// b58d3f1 (https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml), and
// secretlint's recommended preset, packages/@secretlint/secretlint-rule-* at 18346ba
// (https://github.com/secretlint/secretlint). Lengths are loosened to "at least" where a provider
// has lengthened its tokens before: a redaction that matches too much hides a string, one that
// matches too little sends a credential.

/** Secrets whose own shape gives them away, wherever they appear. */
export const TOKEN_SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'private-key-inline',
    source: 'gitleaks private-key; secretlint secretlint-rule-privatekey',
    // The BEGIN marker and whatever key material follows it on the same line: JSON and .env
    // files write the whole key on one line with `\n` escapes (a GCP service account's
    // "private_key"). Stops at a quote, so code after the string stays visible.
    pattern:
      /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|[A-Za-z0-9+/=]|(?<=\\n)(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): [^"'`\\]{0,200})*(?:-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)?/,
  },
  {
    id: 'aws-access-key-id',
    source: 'gitleaks aws-access-token; secretlint secretlint-rule-aws',
    pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/,
  },
  {
    id: 'github-token',
    source:
      'gitleaks github-pat, github-oauth, github-app-token, github-refresh-token; secretlint secretlint-rule-github',
    // ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ installation (Sift's own kind), ghr_ refresh.
    pattern: /(?<![A-Za-z0-9_])(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36,}(?![A-Za-z0-9_])/,
  },
  {
    id: 'github-token-dotted',
    source: 'secretlint secretlint-rule-github (the newer ghs_<id>_<jwt> installation token)',
    pattern: /(?<![A-Za-z0-9_])ghs_[0-9]{1,20}_[\w-]{1,1000}\.[\w-]{1,10000}\.[\w-]{1,1000}/,
  },
  {
    id: 'github-fine-grained-pat',
    source: 'gitleaks github-fine-grained-pat (github_pat_ + 82; matched from 50)',
    pattern: /(?<![A-Za-z0-9_])github_pat_\w{50,}/,
  },
  {
    id: 'gitlab-token',
    source:
      'gitleaks gitlab-pat, gitlab-pat-routable, gitlab-deploy-token, gitlab-feed-token, gitlab-runner-authentication-token, gitlab-ptt, gitlab-scim-token, gitlab-cicd-job-token, gitlab-incoming-mail-token, gitlab-kubernetes-agent-token, gitlab-oauth-app-secret, gitlab-feature-flag-client-token; secretlint secretlint-rule-gitlab',
    pattern: /\bgl(?:pat|dt|ft|rt|ptt|soat|cbt|imt|agent|oas|ffct)-[\w-]{20,}(?:\.[0-9a-z]{2}[0-9a-z]{7})?/,
  },
  {
    id: 'gitlab-runner-registration-token',
    source: 'gitleaks gitlab-rrt',
    pattern: /\bGR1348941[\w-]{20,}/,
  },
  {
    id: 'slack-token',
    source:
      'gitleaks slack-bot-token, slack-user-token, slack-app-token, slack-legacy-*-token, slack-config-*-token; secretlint secretlint-rule-slack',
    pattern: /\b(?:xox[abeoprs]|xapp)-[A-Za-z0-9-]{10,}/,
  },
  {
    id: 'slack-webhook-url',
    source: 'gitleaks slack-webhook-url; secretlint secretlint-rule-slack',
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9+/_-]{20,})/,
  },
  {
    id: 'stripe-key',
    source: 'gitleaks stripe-access-token; secretlint secretlint-rule-stripe',
    pattern: /\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,}\b/,
  },
  {
    id: 'twilio-api-key',
    source: 'gitleaks twilio-api-key',
    pattern: /\bSK[0-9a-fA-F]{32}\b/,
  },
  {
    id: 'sendgrid-api-key',
    source: 'gitleaks sendgrid-api-token; secretlint secretlint-rule-sendgrid',
    pattern: /\bSG\.[\w-]{16,32}\.[\w-]{16,64}/,
  },
  {
    id: 'npm-access-token',
    source: 'gitleaks npm-access-token; secretlint secretlint-rule-npm',
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36,}(?![A-Za-z0-9_])/,
  },
  {
    id: 'pypi-upload-token',
    source: 'gitleaks pypi-upload-token (and its test.pypi.org form)',
    pattern: /\bpypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[\w-]{50,}/,
  },
  {
    id: 'google-api-key',
    source: 'gitleaks gcp-api-key',
    pattern: /\bAIza[\w-]{35}(?![\w-])/,
  },
  {
    id: 'openai-api-key',
    source: 'gitleaks openai-api-key; secretlint secretlint-rule-openai (any sk- key of 20+ characters)',
    pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/,
  },
  {
    id: 'anthropic-api-key',
    source: 'gitleaks anthropic-api-key, anthropic-admin-api-key; secretlint secretlint-rule-anthropic',
    pattern: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{20,}/,
  },
  {
    id: 'azure-ad-client-secret',
    source: 'gitleaks azure-ad-client-secret',
    pattern: /(?<![\w~.-])[a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34}(?![\w~.-])/,
  },
  {
    id: 'jwt',
    source: 'gitleaks jwt',
    pattern: /\bey[A-Za-z0-9_-]{17,}\.ey[A-Za-z0-9/\\_-]{17,}\.(?:[A-Za-z0-9/\\_-]{10,}={0,2})?/,
  },
  {
    id: 'huggingface-token',
    source:
      'gitleaks huggingface-access-token, huggingface-organization-api-token; secretlint secretlint-rule-huggingface',
    pattern: /\b(?:hf_|api_org_)[A-Za-z]{34}\b/,
  },
  {
    id: 'shopify-token',
    source:
      'gitleaks shopify-access-token, shopify-custom-access-token, shopify-private-app-access-token, shopify-shared-secret',
    pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/,
  },
  {
    id: 'digitalocean-token',
    source: 'gitleaks digitalocean-pat, digitalocean-access-token, digitalocean-refresh-token',
    pattern: /\bdo[opr]_v1_[a-f0-9]{64}\b/,
  },
  {
    id: 'databricks-token',
    source: 'gitleaks databricks-api-token; secretlint secretlint-rule-databricks',
    pattern: /\bdapi[a-f0-9]{32}(?:-\d)?\b/,
  },
  {
    id: 'hashicorp-token',
    source: 'gitleaks hashicorp-tf-api-token, vault-service-token, vault-batch-token',
    pattern: /\b(?:[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70}|hv[sb]\.[\w-]{90,300})/,
  },
  {
    id: 'other-prefixed-token',
    source:
      'gitleaks linear-api-key, postman-api-token, doppler-api-token, heroku-api-key-v2, age-secret-key, grafana-service-account-token, sentry-user-token',
    pattern:
      /\b(?:lin_api_[A-Za-z0-9]{40}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}|dp\.pt\.[A-Za-z0-9]{43}|HRKU-AA[\w-]{58}|AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|sntryu_[a-f0-9]{64})\b/,
  },
].map((rule) => secretRule({ ...rule, kind: 'token' }));
