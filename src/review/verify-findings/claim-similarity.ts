const STOPWORDS = new Set(
  "the and for that this with from when are was were will would can could should not but its it's into than then there their they them which while where what who has have had been being any all also only just more most such very does did done use used uses using value values code line lines call calls called function functions method methods return returns returned".split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z_$][a-z0-9_$]{2,}/g) ?? []).filter((word) => !STOPWORDS.has(word)),
  );
}

/** Code-like names a claim mentions: `backticked`, camelCase, snake_case or called(). */
export function codeNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/`([^`\n]{1,80})`/g)) {
    for (const name of match[1]?.match(/[A-Za-z_$][\w$]*/g) ?? []) if (name.length > 1) names.add(name);
  }
  for (const match of text.matchAll(/\b([a-z]+[A-Z][\w$]*|[A-Za-z]+_[\w$]+|[A-Za-z_$][\w$]*(?=\())/g)) {
    if (match[1]) names.add(match[1]);
  }
  return names;
}

/**
 * How alike two claims are, 0–1: the overlap of their words (Jaccard), raised when they name the
 * same code. Two passes describing one bug use different words but usually the same identifiers.
 */
export function claimSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  const union = left.size + right.size - shared;
  const jaccard = union === 0 ? 0 : shared / union;
  const namesA = codeNames(a);
  const namesB = codeNames(b);
  const sharedNames = [...namesA].filter((name) => namesB.has(name)).length;
  return Math.min(1, jaccard + (sharedNames > 0 ? 0.25 : 0));
}
