/**
 * The address to keep for a link the model wrote, or null when the link must go. With a
 * repository (`https://github.com/acme/inventory`, or a GitHub Enterprise Server equivalent) only
 * absolute http(s) links into that repository stay; without one (the CLI, which posts nowhere)
 * only relative paths that cannot climb out of the repository stay.
 *
 * URLs are compared parsed, never as string prefixes: `https://github.com.evil.example/acme/…`,
 * `https://github.com@evil.example/…` and `https://github.com/acme/inventory/../../evil/x` all
 * start with the right characters and all lead somewhere else.
 */
export function resolveAllowedLink(url: string, allowedLinkBase: string | null): string | null {
  return allowedLinkBase === null ? relativePath(url) : insideRepository(url, allowedLinkBase);
}

function insideRepository(url: string, allowedLinkBase: string): string | null {
  const link = URL.parse(url);
  const base = URL.parse(allowedLinkBase);
  if (!link || !base) return null;
  if (link.protocol !== 'http:' && link.protocol !== 'https:') return null;
  // Credentials in a link are a phishing device, whatever the host.
  if (link.username !== '' || link.password !== '') return null;
  if (link.host !== base.host) return null;
  // GitHub routes owner and repository names case-insensitively.
  const root = base.pathname.replace(/\/+$/, '').toLowerCase();
  const path = link.pathname.toLowerCase();
  return root !== '' && (path === root || path.startsWith(`${root}/`)) ? link.href : null;
}

function relativePath(url: string): string | null {
  if (url.trim() === '') return null;
  // A scheme (`https:`, `javascript:`, `C:`), or a path from the root or another host (`/x`, `//x`, `\x`).
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || /^[/\\]/.test(url)) return null;
  const path = url.split(/[?#]/, 1)[0] ?? '';
  if (path.split(/[/\\]/).some((segment) => segment.replace(/%2e/gi, '.') === '..')) return null;
  return url;
}
