import { looksLikePlaceholder } from './looks-like-placeholder.js';
import { type SecretRule, secretRule } from './secret-rule.js';
import { shannonEntropy } from './shannon-entropy.js';

// Values assigned to a name that says "secret", in the syntaxes code and configuration use:
// `.env` and shell (`DB_PASSWORD=…`, `export TOKEN=…`), YAML (`password: …`), JSON, TOML, INI,
// properties, Go (`apiKey := "…"`), Python (`password: str = "…"`), JS/TS, Ruby and PHP (`=>`),
// XML. The names and the generic rule's structure and threshold are ported from gitleaks'
// generic-api-key and secretlint-rule-aws's secret access key rule (both MIT).

const SECRET_WORD = String.raw`(?:pass(?:word|wd|phrase)|secret|token|credentials?|creds|api[_.-]?key|(?:access|private|secret|signing|encryption|master|account|auth|client|app|license|shared|service|session|hmac|jwt|webhook|storage|subscription|consumer)[_.-]?key|(?<=\w[_.-])pass)s?`;

/** A name ending in a secret word: `DB_PASSWORD`, `clientSecret`, `PGPASSWORD`, `x-api-key`, `config.auth_token`. */
const SECRET_NAME = String.raw`(?<![\w.]|[\w.]-)(?<!\?\s{1,3}["'\x60]?|\?["'\x60])(?<key>[\w.-]{0,40}?${SECRET_WORD})(?![\w.-])`;

/**
 * `=`, `:`, Go's `:=`, Ruby and PHP's `=>`, Make's `?=`, Ruby's `||=` (not `==`, `===` or `=~`),
 * or a type annotation and `=`: `password: str = …`, `let key: &str = …`.
 */
const OPERATOR = String.raw`["'\]]{0,2}\s*(?::=|=>|\?=|\|\|=|=(?![=~])|:(?![:=])|:\s*[\w.&[\]|<>, ]{1,40}?\s*=(?![=~]))\s*`;

/** A string literal, with Python's r/b/u/f prefixes; escaped quotes stay inside. */
const QUOTED = String.raw`(?:[rbuf]{1,2})?(?<quote>["'\x60])(?<secret>(?:(?!\k<quote>)[^\\\n]|\\.){1,2000})\k<quote>`;

// Values that follow a secret-sounding name in ordinary code: fetch's `credentials: 'include'`.
const COMMON_VALUES = new Set(['include', 'omit', 'same-origin', 'bearer', 'basic']);

/** A literal long enough to be a credential, not a placeholder, an interpolation or a name of one. */
function isLiteralSecret(value: string, minLength: number): boolean {
  if (value.length < minLength || looksLikePlaceholder(value) || /\$\{|\{\{|#\{/.test(value)) return false;
  // A number is a count (`MAX_TOKENS: '4096'`), and `include` is fetch's `credentials` mode.
  if (COMMON_VALUES.has(value.toLowerCase()) || /^[\d\s_.,]+$/.test(value)) return false;
  // `'access_token'`, `"x-api-key"`: the name of a secret (a header, a form field), not one.
  return !(/^[A-Za-z_.-]+$/.test(value) && new RegExp(`${SECRET_WORD}$`, 'i').test(value));
}

/**
 * An unquoted value that is code rather than a literal: a call, an index, a type (`string`,
 * `str | None`, `str = "…"`), a member path (`config.password`, `Settings::TOKEN`), a statement or argument
 * (`…;`, `…,`), or an identifier (`new_password`, `SecretStr`). A single lowercase word stays a
 * candidate: in YAML and `.env` files `password: swordfish` is a literal.
 */
function looksLikeCode(value: string): boolean {
  return (
    /[()[\]{}<>|;`"']|=>|&&|\s=\s/.test(value) ||
    /[,;]$/.test(value) ||
    /^[A-Za-z_$][\w$]*(?:(?:\?\.|\.|::|->)[A-Za-z_$][\w$]*)+$/.test(value) ||
    /^(?:true|false|null|nil|none|undefined|string|str|bytes|number|int|integer|bool|boolean|any|unknown|object)$/i.test(
      value,
    ) ||
    /^(?=.*[A-Z_])[A-Za-z_]+$/.test(value)
  );
}

const literal = (secret: string) => isLiteralSecret(secret, 6);
const unquotedLiteral = (secret: string) => isLiteralSecret(secret, 6) && !looksLikeCode(secret);

// gitleaks generic-api-key keeps keys that name something about a secret rather than the secret.
const DESCRIBES_A_SECRET =
  /[_.-]?(?:id|name|version|url|uri|path|file|type|format|mode|length|size|count|ttl|timeout|expiry|expires|header|prefix|field|kind|sha)$/i;

/** The entropy rule: a random-looking value of 16+ characters assigned to a secret-ish name. */
export const ENTROPY_THRESHOLD = 3.5;
function highEntropyLiteral(secret: string, match: RegExpMatchArray): boolean {
  return (
    secret.length >= 16 &&
    shannonEntropy(secret) >= ENTROPY_THRESHOLD &&
    // gitleaks' allowlist for the rule: letters and separators only is a word or an identifier.
    !/^[A-Za-z_.-]+$/.test(secret) &&
    !DESCRIBES_A_SECRET.test(match.groups?.key ?? '') &&
    !looksLikePlaceholder(secret) &&
    !looksLikeCode(secret)
  );
}

export const ASSIGNMENT_SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'secret-assignment-quoted',
    source:
      'gitleaks generic-api-key (names, operators); secretlint secretlint-rule-aws (quoted key, connector)',
    pattern: new RegExp(`${SECRET_NAME}${OPERATOR}${QUOTED}`, 'i'),
    accepts: literal,
  },
  {
    id: 'secret-assignment-line',
    source: 'gitleaks generic-api-key; secretlint secretlint-rule-no-dotenv (YAML, INI and properties lines)',
    // `key: value` or `key = value`: the whole rest of the line, less a `# comment`, since YAML
    // and INI values may hold spaces. `KEY=value` without spaces is shell, and the next rule's.
    pattern: new RegExp(
      String.raw`^[ \t]*(?:[+-][ \t]*)?(?:-[ \t]+)?["']?${SECRET_NAME}["']?(?:[ \t]*:(?![:=])|[ \t]+(?::=|=>|=)(?=[ \t]))[ \t]*(?<secret>[^\s"'\x60#].*?)[ \t]*(?:[ \t]#.*)?$`,
      'i',
    ),
    accepts: unquotedLiteral,
  },
  {
    id: 'secret-assignment-bare',
    source:
      'gitleaks generic-api-key; secretlint secretlint-rule-no-dotenv (KEY=value: .env, shell, Dockerfile ENV, query strings, keyword arguments)',
    pattern: new RegExp(
      String.raw`(?<=^|[\s(,{;&?])${SECRET_NAME}(?::=|=)(?<secret>[^\s"'\x60,;)&}\]#]{6,})`,
      'i',
    ),
    accepts: unquotedLiteral,
  },
  {
    id: 'secret-xml-element',
    source: 'gitleaks generic-api-key (its `>` operator: <password>…</password>)',
    pattern: new RegExp(`<${SECRET_NAME}>(?<secret>[^<]{1,2000})</`, 'i'),
    accepts: literal,
  },
  {
    id: 'secret-xml-key-value',
    source: '.NET appSettings: <add key="DbPassword" value="…" />',
    pattern: new RegExp(
      String.raw`\bkey\s*=\s*["']${SECRET_NAME}["']\s+value\s*=\s*["'](?<secret>[^"']{1,2000})`,
      'i',
    ),
    accepts: literal,
  },
  {
    id: 'generic-secret-entropy',
    source: 'gitleaks generic-api-key (entropy 3.5, its keywords and value shapes; length from 16)',
    pattern:
      /(?<![\w.])(?<key>[\w.-]{0,50}?(?:access|auth|api|credential|creds|key|passw(?:or)?d|secret|token)[\w.-]{0,20})[ \t]{0,3}["'\]]{0,2}[ \t]{0,3}(?::{1,3}=|=>|\?=|\|\|=?|=(?![=~])|:(?![:=])|>|,)[`'"\s=]{0,5}(?<secret>[\w.=-]{16,150}|[A-Za-z0-9][A-Za-z0-9+/]{15,}={0,3})(?=[`'"\s;,)<]|\\[nr]|$)/i,
    accepts: highEntropyLiteral,
  },
].map((rule) => secretRule({ ...rule, kind: 'context' }));
