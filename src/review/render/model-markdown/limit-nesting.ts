// Deeper than any review nests lists and quotes on one line; the parser's time grows with the
// square of the depth (4,000 characters of `- ` take seconds), and a model can be made to write that.
const MAX_MARKERS = 16;
const MARKER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/y;

/**
 * Markdown with at most MAX_MARKERS list or quote markers opening any one line: the markers past
 * that are dropped and the line's text kept, so a hostile answer cannot stall the process that
 * parses it.
 */
export function limitNesting(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      let end = 0;
      let markers = 0;
      let kept = 0;
      MARKER.lastIndex = 0;
      for (let match = MARKER.exec(line); match; match = MARKER.exec(line)) {
        markers += 1;
        end = MARKER.lastIndex;
        if (markers === MAX_MARKERS) kept = end;
      }
      return markers > MAX_MARKERS ? line.slice(0, kept) + line.slice(end) : line;
    })
    .join('\n');
}
