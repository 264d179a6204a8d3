import type { Definition, Link, LinkReference, Parent, Root, RootContent } from 'mdast';
import { limitNesting } from './limit-nesting.js';
import { removeSiftMarkers } from './remove-sift-markers.js';
import { resolveAllowedLink } from './resolve-allowed-link.js';

/**
 * The model's Markdown tree with everything that could reach outside the comment taken out:
 * raw HTML (block and inline, comments and so forged Sift markers included) goes; images leave
 * their alt text; a link stays only when it leads into the pull request's own repository,
 * otherwise it leaves its text; definitions go, a reference to an allowed one becoming an inline
 * link. Code keeps its content, less anything shaped like a Sift marker. Text is left to
 * neutralizeTree.
 */
export function cleanTree(root: Root, allowedLinkBase: string | null): Root {
  const definitions = new Map<string, Definition>();
  collectDefinitions(root, definitions);
  return { type: 'root', children: cleanChildren(root, { definitions, allowedLinkBase, depth: 0 }) };
}

interface Walk {
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly allowedLinkBase: string | null;
  readonly depth: number;
}

// Far deeper than any review nests lists, quotes and emphasis, and far shallower than the stack:
// `>` repeated a few thousand times would otherwise make every recursive step below overflow it.
const MAX_DEPTH = 32;
const PHRASING_PARENTS = new Set<string>([
  'paragraph',
  'heading',
  'tableCell',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
]);

function cleanChildren<T extends RootContent>(parent: Parent, walk: Walk): T[] {
  const deeper = { ...walk, depth: walk.depth + 1 };
  const cleaned = parent.children.flatMap((child) =>
    deeper.depth > MAX_DEPTH && 'children' in child
      ? flatten(child, PHRASING_PARENTS.has(parent.type))
      : cleanNode(child, deeper),
  );
  const children = mergeText(cleaned);
  return (LINE_BLOCKS.has(parent.type) ? trimEdges(children) : children) as T[];
}

/** A container nested too deep, as its plain text: in a paragraph when it stood among blocks. */
function flatten(node: Parent, inPhrasing: boolean): RootContent[] {
  const values: string[] = [];
  const pending: RootContent[] = [...node.children];
  for (let next = pending.shift(); next; next = pending.shift()) {
    if (next.type === 'text' || next.type === 'inlineCode' || next.type === 'code') values.push(next.value);
    else if ('children' in next) pending.unshift(...next.children);
  }
  const value = values.join(' ').trim();
  if (value === '') return [];
  return inPhrasing
    ? [{ type: 'text', value }]
    : [{ type: 'paragraph', children: [{ type: 'text', value }] }];
}

function cleanNode(node: RootContent, walk: Walk): RootContent[] {
  switch (node.type) {
    case 'html':
    case 'definition':
      return [];
    case 'image':
    case 'imageReference':
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'link':
      return keepOrUnwrap(node, node.url, walk);
    case 'linkReference':
      return keepOrUnwrap(node, walk.definitions.get(node.identifier)?.url ?? null, walk);
    case 'code':
      // The info string is not shown; only a plain language name is worth keeping for highlighting.
      return [
        {
          ...node,
          // Limited again: a line whose marker was removed may now open with more markers than the
          // next parse (of this output) would accept, and sanitising twice must change nothing.
          value: limitNesting(removeSiftMarkers(node.value)),
          lang: node.lang && /^[\w+#.-]+$/.test(node.lang) ? node.lang : null,
          meta: null,
        },
      ];
    case 'inlineCode': {
      // GitHub shows a line ending in a code span as a space (CommonMark §6.1); written as one, it
      // cannot start a line with whatever follows it.
      const value = removeSiftMarkers(node.value).replace(/\r\n?|\n/g, ' ');
      return value.trim() === '' ? [] : [{ ...node, value }];
    }
    case 'text':
      return node.value === '' ? [] : [node];
    default: {
      if (!('children' in node)) return [node];
      const children = cleanChildren(node, walk);
      // An emphasis or a quote left empty would be written as a bare `**` or `>`.
      if (children.length === 0 && EMPTY_MEANS_GONE.has(node.type)) return [];
      return [{ ...node, children } as RootContent];
    }
  }
}

const EMPTY_MEANS_GONE = new Set<RootContent['type']>([
  'paragraph',
  'blockquote',
  'emphasis',
  'strong',
  'delete',
]);

function keepOrUnwrap(node: Link | LinkReference, url: string | null, walk: Walk): RootContent[] {
  const children = cleanChildren<Link['children'][number]>(node, walk);
  const href = url === null ? null : resolveAllowedLink(url, walk.allowedLinkBase);
  if (href === null) return children;
  // A link with nothing to click on would be invisible; a title is hover text nobody asked for.
  return children.length === 0 ? [] : [{ type: 'link', url: href, title: null, children }];
}

/** Neighbouring text joined: what is left around a removed node reads as one run, as GitHub reads it. */
function mergeText(children: readonly RootContent[]): RootContent[] {
  const merged: RootContent[] = [];
  for (const child of children) {
    const last = merged.at(-1);
    if (child.type === 'text' && last?.type === 'text') {
      merged[merged.length - 1] = { type: 'text', value: last.value + child.value };
    } else merged.push(child);
  }
  return merged;
}

// Blocks whose text starts and ends a line: blanks and line breaks at their edges mean nothing
// (CommonMark ignores a hard break at the end of a block), but left there by a removed tag they
// would be written as `&#x20;` or a lone `\`.
const LINE_BLOCKS = new Set<string>(['paragraph', 'heading', 'tableCell']);

function trimEdges(children: readonly RootContent[]): RootContent[] {
  const isBlank = (node: RootContent | undefined) =>
    node?.type === 'break' || (node?.type === 'text' && node.value.trim() === '');
  let start = 0;
  let end = children.length;
  while (start < end && isBlank(children[start])) start += 1;
  while (end > start && isBlank(children[end - 1])) end -= 1;
  const kept = children.slice(start, end);
  const first = kept[0];
  if (first?.type === 'text') kept[0] = { type: 'text', value: first.value.trimStart() };
  const last = kept.at(-1);
  if (last?.type === 'text') kept[kept.length - 1] = { type: 'text', value: last.value.trimEnd() };
  return kept;
}

function collectDefinitions(root: Root, into: Map<string, Definition>): void {
  // Without recursion, like flatten: the tree is not yet cut to MAX_DEPTH.
  const pending: (Root | RootContent)[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    // The first definition of a label wins (CommonMark §4.7); the walk goes in document order.
    if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
    if ('children' in node) pending.push(...[...node.children].reverse());
  }
}
