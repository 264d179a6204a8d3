/** Git's own heuristic: content with a NUL byte in its first 8,000 bytes is binary. */
export function isTextContent(content: Buffer): boolean {
  return !content.subarray(0, 8000).includes(0);
}
