// What GitHub would turn into a link in plain text (GFM's autolink literals, and any `scheme://`),
// one kind at a time so an address run into another cannot shelter it: a URL with a scheme, a `www.`
// address (each ending where another begins), an email address.
const WITH_SCHEME = /[a-z][a-z0-9+.-]*:\/\/(?:(?![a-z][a-z0-9+.-]*:\/\/)[^\s<>])*/gi;
const WWW = /www\.(?:(?!www\.)[^\s<>])*/gi;
// The part of an email address after its `@`; the name before it may be the end of another address.
const EMAIL_DOMAIN = /(?<=[\w.+-])@[\w-]+(?:\.[\w-]+)+/g;
// Punctuation that ends a sentence is not part of the address (GFM stops before it too).
const TRAILING_PUNCTUATION = /[.,:;!?'")\]*_~]*$/;

/**
 * Breaks every address in plain text the way incident reports do (`https[:]//evil[.]example`), so
 * it still reads as what the model wrote but GitHub no longer links it and nobody follows it with
 * one click. Only the scheme separator and the host's dots change.
 */
export function defangUrls(text: string): string {
  return text
    .replace(WITH_SCHEME, (url) =>
      defangHost(url, url.indexOf('://') + 3, (scheme) => scheme.replace('://', '[:]//')),
    )
    .replace(WWW, (address) => defangHost(address, 0))
    .replace(EMAIL_DOMAIN, (domain) => defangHost(domain, 1));
}

/** `address` with the dots of the host starting at `hostStart` broken, and its head rewritten. */
function defangHost(
  match: string,
  hostStart: number,
  head: (text: string) => string = (text) => text,
): string {
  const trail = TRAILING_PUNCTUATION.exec(match.slice(hostStart))?.[0] ?? '';
  const address = match.slice(0, match.length - trail.length);
  const hostLength = address.slice(hostStart).search(/[/?#]/);
  const hostEnd = hostLength === -1 ? address.length : hostStart + hostLength;
  const host = address.slice(hostStart, hostEnd).replace(/\./g, '[.]');
  return `${head(address.slice(0, hostStart))}${host}${address.slice(hostEnd)}${trail}`;
}
