import type { Parent, Root, RootContent } from 'mdast';
import { defangUrls } from './defang-urls.js';
import { neutralizeText } from './neutralize-text.js';

/**
 * Every run of plain text in a cleaned tree (cleanTree has joined neighbouring text) made harmless (neutralizeText), and every address in
 * it defanged unless it is the text of a link Sift kept. Code is left alone: GitHub neither
 * mentions nor links in it.
 */
export function neutralizeTree(root: Root): Root {
  return { type: 'root', children: neutralizeChildren(root, false) };
}

function neutralizeChildren<T extends RootContent>(parent: Parent, inLink: boolean): T[] {
  const children = parent.children;
  const neutralized = children.flatMap((child, index): RootContent[] => {
    if (child.type === 'text') {
      const value = inLink ? child.value : defangUrls(child.value);
      return neutralizeText(value, startsLine(parent, children, index));
    }
    if (!('children' in child)) return [child];
    return [
      { ...child, children: neutralizeChildren(child, inLink || child.type === 'link') } as RootContent,
    ];
  });
  return joinCode(neutralized) as T[];
}

/**
 * Neighbouring code spans as one: written side by side, the closing backticks of one and the
 * opening backticks of the next would run together into a different delimiter.
 */
function joinCode(children: readonly RootContent[]): RootContent[] {
  const joined: RootContent[] = [];
  for (const child of children) {
    const last = joined.at(-1);
    if (child.type === 'inlineCode' && last?.type === 'inlineCode') {
      joined[joined.length - 1] = { type: 'inlineCode', value: last.value + child.value };
    } else joined.push(child);
  }
  return joined;
}

/** Whether the text at `index` begins a line of the Markdown: first in its block, or after a hard break. */
function startsLine(parent: Parent, children: readonly RootContent[], index: number): boolean {
  if (index === 0) return parent.type === 'paragraph' || parent.type === 'heading';
  return children[index - 1]?.type === 'break';
}
