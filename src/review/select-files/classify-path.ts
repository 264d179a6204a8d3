import type { DiffFile } from '../../diff/types.js';
import { generatedHeader } from './generated-header.js';
import { generatedLocation } from './generated-location.js';

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'Cargo.lock',
  'go.sum',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'Gemfile.lock',
  'composer.lock',
  'packages.lock.json',
  'gradle.lockfile',
  'flake.lock',
  'mix.lock',
  'pubspec.lock',
  'Podfile.lock',
]);

/** Data no program runs: source maps, test snapshots and prose. */
const INERT_DATA = /\.(map|snap|md|markdown|rst|txt)$/i;

/** Generated-file markers sit in a file's first few lines, below a licence header at most. */
const OPENING_LINES = 5;

/**
 * Why a file is not worth a reviewer's attention, or null when it is. Whether a file is generated
 * or vendored is read from its path and its header, which the pull request controls; so a marker
 * counts only where the base branch already vouched for it (see classifyExistingFile), and a file
 * the pull request adds is reviewed whatever its path or header says.
 */
export function classifyPath(file: DiffFile): string | null {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  if (LOCKFILES.has(name)) return 'lockfile';
  return file.status === 'added' || file.status === 'copied'
    ? classifyNewFile(file)
    : classifyExistingFile(file);
}

/**
 * A new file: anyone can put one under `dist/` or give it an `@generated` header, so only data no
 * program runs (a source map, a snapshot, prose) is left out for its path or header.
 */
function classifyNewFile(file: DiffFile): string | null {
  if (!INERT_DATA.test(file.path)) return null;
  const location = generatedLocation(file.path);
  if (location)
    return `${location.kind === 'vendored' ? 'vendored code' : 'generated file'} (${location.label})`;
  const marker = generatedHeader(openingLines(file, 'head'));
  return marker ? `generated file (\`${marker}\` header)` : null;
}

/**
 * A file the base branch has: skipped only when its base version was already generated or
 * vendored by the same rule and still is — a file that gains an `@generated` header, or moves into
 * `dist/`, is reviewed. The base version's opening lines come from the patch itself: GitHub
 * computed it from the base commit, and its first hunk starts at line 1 whenever the head's
 * header is in view (the lines above a hunk are the same on both sides).
 */
function classifyExistingFile(file: DiffFile): string | null {
  const removed = file.status === 'removed';
  const was = generatedLocation(file.previousPath ?? file.path);
  const is = removed ? was : generatedLocation(file.path);
  if (was && is && was.label === is.label) return `${was.kind} at base (${was.label})`;
  const baseMarker = generatedHeader(openingLines(file, 'base'));
  const headMarker = removed ? baseMarker : generatedHeader(openingLines(file, 'head'));
  return baseMarker && headMarker ? `generated at base (\`${baseMarker}\` header)` : null;
}

/** The first lines of one version of the file, when the first hunk starts at its top; else none. */
function openingLines(file: DiffFile, version: 'base' | 'head'): string[] {
  const first = file.hunks[0];
  if (!first || (version === 'base' ? first.oldStart : first.newStart) > 1) return [];
  const otherSide = version === 'base' ? 'added' : 'removed';
  return first.lines
    .filter((line) => line.kind !== otherSide)
    .slice(0, OPENING_LINES)
    .map((line) => line.text);
}
