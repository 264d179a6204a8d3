import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { cleanTree } from './model-markdown/clean-tree.js';
import { limitNesting } from './model-markdown/limit-nesting.js';
import { neutralizeTree } from './model-markdown/neutralize-tree.js';

export interface SanitizeOptions {
  /**
   * The pull request's repository on the web (`https://github.com/acme/inventory`, or the GitHub
   * Enterprise Server equivalent): links into it are kept. Null where there is no repository page
   * to link to (the CLI): only relative paths are kept.
   */
  readonly allowedLinkBase: string | null;
}

/**
 * Makes model-written Markdown safe to post under Sift's name. The text is parsed as GitHub parses
 * it (CommonMark with GFM, so bare URLs and `www.` addresses are links too), cleaned as a tree and
 * written back, so no run of backticks, escape or entity can hide something from the rules:
 *
 * - links stay only into the pull request's repository; others leave their text, and addresses in
 *   plain text are defanged (`evil[.]example`) so GitHub does not link them again;
 * - images leave their alt text; raw HTML goes, comments and so forged Sift markers with it;
 * - `@user`, `@org/team` and lines starting with a `/command` become inline code: no one is
 *   notified and no bot takes Sift's comment as a command;
 * - code keeps its content (GitHub neither links nor mentions in it) but not Sift markers, and a
 *   fence the model left open is closed.
 *
 * Sanitising its own output changes nothing.
 */
export function sanitizeModelMarkdown(text: string, options: SanitizeOptions): string {
  const tree = fromMarkdown(limitNesting(text), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const safe = neutralizeTree(cleanTree(tree, options.allowedLinkBase));
  return toMarkdown(safe, { extensions: [gfmToMarkdown()], bullet: '-', rule: '-' }).replace(/\n$/, '');
}
