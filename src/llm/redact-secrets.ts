import { findPrivateKeyBodies } from './find-private-key-bodies.js';
import type { SecretRule } from './secret-rule.js';
import { SECRET_RULES } from './secret-rules.js';

export const REDACTED = '[redacted secret]';

/**
 * Replaces secrets in lines of text before they are sent to a model: tokens with a known shape,
 * passwords in URLs and connection strings, credentials in headers, literals assigned to a
 * secret's name, and private key blocks (see secret-rules.ts). Only the secret itself is replaced,
 * so the code keeps its shape. Works line by line and never adds or removes a line, so the line
 * numbers findings point at stay true; only a private key block spans lines.
 */
export function redactSecrets(
  lines: readonly string[],
  rules: readonly SecretRule[] = SECRET_RULES,
): string[] {
  // Text from GitHub's web editor (descriptions, replies) ends its lines with \r\n; the rules read lines without it.
  const bare = lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const spans = bare.map((line) => secretRanges(line, rules));
  for (const span of findPrivateKeyBodies(bare)) spans[span.line]?.push([span.start, span.end]);
  return bare.map(
    (line, index) => replaceRanges(line, spans[index] ?? []) + (line === lines[index] ? '' : '\r'),
  );
}

/** Where each rule finds a secret it accepts in `line`, as [start, end) character ranges. */
function secretRanges(line: string, rules: readonly SecretRule[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const rule of rules) {
    for (const match of line.matchAll(rule.pattern)) {
      const range = match.indices?.groups?.secret ?? match.indices?.[0];
      if (!range || range[0] === range[1]) continue;
      if (rule.accepts && !rule.accepts(line.slice(range[0], range[1]), match)) continue;
      ranges.push([range[0], range[1]]);
    }
  }
  return ranges;
}

/** The line with each range (overlapping ones merged) replaced by one marker. */
function replaceRanges(line: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return line;
  const merged: Array<[number, number]> = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let result = '';
  let cursor = 0;
  for (const [start, end] of merged) {
    result += line.slice(cursor, start) + REDACTED;
    cursor = end;
  }
  return result + line.slice(cursor);
}
