/**
 * Shortens model-written text to a bound, at a word boundary where one is near. Bounds keep every
 * review inside GitHub's 65,536-character limit even when a model rambles or is made to.
 */
export function clipText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.8 ? cut.slice(0, space) : cut}…`;
}
