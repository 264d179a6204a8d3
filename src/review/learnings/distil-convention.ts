import { clipText } from '../render/clip-text.js';
import { isValidGlob } from '../select-files/compile-globs.js';
import { learningId } from './learning-id.js';
import type { Convention } from './learning-types.js';

// One sentence; what is longer is not one, and would crowd the review rules it joins.
const MAX_RULE_CHARS = 300;
// A convention scoped to more places than this is a repository-wide one written out.
const MAX_PATHS = 5;
const MAX_PATH_CHARS = 100;

/** Where a convention was stated: the reply, its pull request, who wrote it and when. */
export interface ConventionSource {
  readonly repository: string;
  readonly pullNumber: number;
  readonly commentId: number;
  /** The pull request's repository on the web, to link the reply; null when unknown. */
  readonly repositoryUrl: string | null;
  readonly by: string;
  readonly at: number;
}

/**
 * The convention the model distilled from a reply, made fit to keep: one line, clipped, with
 * words in it, scoped to the globs the model gave that are valid path globs. When the model scoped
 * it and none of its globs is valid, there is no convention — keeping it for the whole repository
 * would widen what the person said. Null when there is nothing to keep.
 */
export function distilConvention(
  answer: { readonly convention: string | null; readonly conventionPaths: readonly string[] },
  source: ConventionSource,
): Convention | null {
  const rule = clipText((answer.convention ?? '').replace(/\s+/g, ' ').trim(), MAX_RULE_CHARS);
  if (!/\p{L}{2,}.*\s.*\p{L}{2,}/u.test(rule)) return null;
  const paths = answer.conventionPaths
    .map((path) => path.trim())
    .filter(isPathGlob)
    .slice(0, MAX_PATHS);
  if (answer.conventionPaths.length > 0 && paths.length === 0) return null;
  return {
    id: learningId('convention', source.repository, source.commentId),
    rule,
    paths,
    pullNumber: source.pullNumber,
    commentId: source.commentId,
    url: source.repositoryUrl
      ? `${source.repositoryUrl}/pull/${source.pullNumber}#discussion_r${source.commentId}`
      : null,
    by: source.by,
    at: source.at,
  };
}

function isPathGlob(glob: string): boolean {
  return glob !== '' && glob.length <= MAX_PATH_CHARS && !/\s/.test(glob) && isValidGlob(glob);
}
