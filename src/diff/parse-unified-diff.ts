import { MalformedDiffError } from '../errors.js';
import { parseHunks } from './parse-hunks.js';
import type { DiffFile, FileStatus, PatchState } from './types.js';

/**
 * Parses the output of `git diff` (any number of files, git's default `a/` and `b/` prefixes) into
 * Sift's diff model, the same model GitHub's file list becomes, so the CLI and the eval harness
 * anchor findings exactly as the app does.
 */
export function parseUnifiedDiff(diff: string): DiffFile[] {
  const sections = diff.split(/^(?=diff --git )/m).filter((section) => section.startsWith('diff --git '));
  return sections.map(parseFileSection);
}

function parseFileSection(section: string): DiffFile {
  const firstHunk = section.search(/^@@ /m);
  const header = (firstHunk < 0 ? section : section.slice(0, firstHunk)).split('\n');
  const patch = firstHunk < 0 ? '' : section.slice(firstHunk);

  const headline = header[0] ?? '';
  let oldPath: string | null = null;
  let newPath: string | null = null;
  let renameFrom: string | null = null;
  let renameTo: string | null = null;
  let status: FileStatus = 'modified';
  let binary = false;
  let modeChanged = false;

  for (const line of header.slice(1)) {
    if (line.startsWith('--- ')) oldPath = stripPrefix(line.slice(4), 'a/');
    else if (line.startsWith('+++ ')) newPath = stripPrefix(line.slice(4), 'b/');
    else if (line.startsWith('new file mode')) status = 'added';
    else if (line.startsWith('deleted file mode')) status = 'removed';
    else if (line.startsWith('rename from ')) [renameFrom, status] = [unquote(line.slice(12)), 'renamed'];
    else if (line.startsWith('rename to ')) renameTo = unquote(line.slice(10));
    else if (line.startsWith('copy from ')) [renameFrom, status] = [unquote(line.slice(10)), 'copied'];
    else if (line.startsWith('copy to ')) renameTo = unquote(line.slice(8));
    else if (line.startsWith('old mode') || line.startsWith('new mode')) modeChanged = true;
    else if (line.startsWith('Binary files ') || line.startsWith('GIT binary patch')) binary = true;
  }

  const [headlineOld, headlineNew] = pathsFromHeadline(headline);
  const path = renameTo ?? newPath ?? oldPath ?? headlineNew;
  const previous =
    renameFrom ?? (status === 'renamed' || status === 'copied' ? (oldPath ?? headlineOld) : null);
  if (!path)
    throw new MalformedDiffError('(unknown)', `cannot read the file name from ${JSON.stringify(headline)}`);

  const hunks = patch ? parseHunks(patch, path) : [];
  let patchState: PatchState = 'present';
  if (binary) patchState = 'binary';
  else if (hunks.length === 0) patchState = 'no-content-change';
  if (status === 'modified' && modeChanged && hunks.length === 0) status = 'changed';

  return {
    path,
    previousPath: previous,
    status,
    patchState,
    hunks,
    additions: hunks.reduce(
      (sum, hunk) => sum + hunk.lines.filter((line) => line.kind === 'added').length,
      0,
    ),
    deletions: hunks.reduce(
      (sum, hunk) => sum + hunk.lines.filter((line) => line.kind === 'removed').length,
      0,
    ),
  };
}

function stripPrefix(raw: string, prefix: string): string | null {
  const path = unquote(raw.replace(/\t.*$/, ''));
  if (path === '/dev/null') return null;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** `diff --git a/x b/x`: when both names are equal (no rename) the line splits in the middle. */
function pathsFromHeadline(headline: string): [string | null, string | null] {
  const rest = headline.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const match = /^("(?:[^"\\]|\\.)*") ("(?:[^"\\]|\\.)*"|\S.*)$/.exec(rest);
    if (match?.[1] && match[2]) return [stripPrefix(match[1], 'a/'), stripPrefix(match[2], 'b/')];
    return [null, null];
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') {
    return [stripPrefix(rest.slice(0, half), 'a/'), stripPrefix(rest.slice(half + 1), 'b/')];
  }
  return [null, null];
}

/** git quotes paths with unusual bytes C-style, with octal escapes for each UTF-8 byte. */
function unquote(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"')) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
