/**
 * Values that stand in for a secret rather than being one: references to the environment or a
 * template (`${DB_PASSWORD}`, `{{ secrets.TOKEN }}`, `%API_KEY%`, an environment lookup such as `os.environ[…]`), fill-in
 * markers (`<your-token>`, `YOUR_API_KEY_HERE`, `xxxxxxxx`, `****`) and the words documentation
 * uses (`changeme`, `example`). The list follows the built-in ignores of secretlint's
 * database-connection-string and basicauth rules and gitleaks' global allowlist (both MIT).
 */
const TEMPLATE_REFERENCE =
  /^(?:\$\{.*\}|\$[A-Z_][A-Z0-9_]*|\$\(.*\)|\{\{.*\}\}|\{%.*%\}|<%.*%>|#\{.*\}|\{\w*\}|%[sdv]|%\(\w+\)s|%[A-Z_]+%|<[\w .-]+>|\[[\w .-]+\])$|\b(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|getenv\()/;

// `your-api-key`, `YOUR_TOKEN`, `replace-me`, `insert_key_here`, `password-goes-here`.
const FILL_IN =
  /^(?:your[\s_.-]?|(?:replace|insert|enter|paste|put)[\s_.-])|[\s_.-](?:here|goes[\s_.-]here)$/i;

const FILLER_ONLY = /^(?:[x*.#•_-]+|(.)\1*)$/i;

const WORDS = new Set([
  'changeme',
  'changeit',
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'example',
  'sample',
  'dummy',
  'placeholder',
  'redacted',
  'notset',
  'notneeded',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'todo',
  'tbd',
  'fixme',
  'foobar',
]);

/** True when `value` is a reference, a fill-in marker or a stock word instead of a real secret. */
export function looksLikePlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (TEMPLATE_REFERENCE.test(trimmed) || FILLER_ONLY.test(trimmed) || FILL_IN.test(trimmed)) return true;
  const word = trimmed.toLowerCase().replace(/[\s_.-]/g, '');
  return WORDS.has(word) || /(?:example|placeholder|changeme|redacted)/.test(word);
}
