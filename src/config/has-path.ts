/** Whether a parsed configuration file sets a key, given as its path of segments (`['autoReview', 'drafts']`). */
export function hasPath(content: Record<string, unknown> | null, path: readonly string[]): boolean {
  let node: unknown = content;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !(segment in node)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return content !== null;
}
