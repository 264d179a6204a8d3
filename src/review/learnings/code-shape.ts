/**
 * Words that give code its shape in the languages Sift reads; every other name becomes `x`. Kept
 * small and shared across languages on purpose: a shape compares the kind of code, not its names.
 */
const KEYWORDS = new Set(
  (
    'if else for while do switch case break continue return throw try catch finally except raise ' +
    'with yield await async new delete typeof instanceof in of is not and or function def fn func ' +
    'lambda class struct enum interface const let var mut static pub self this super true false null ' +
    'nil none undefined None True False go defer select chan map range import from unsafe ref'
  ).split(' '),
);

/** Strings, numbers, names and the operators code is made of, longest operators first. */
const TOKEN =
  /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\d[\w.]*|[A-Za-z_$][\w$]*|===|!==|==|!=|<=|>=|=>|->|&&|\|\||\?\?|\?\.|\+\+|--|<<|>>|::|\+=|-=|\S/g;

// A finding points at a few lines; a shape longer than this says nothing more and costs storage.
const MAX_TOKENS = 120;

/**
 * The shape of a finding's code: its tokens with names abstracted to `x`, strings to `s` and
 * numbers to `0`, keywords and operators kept, comments and layout gone. `if (available <= count)
 * return false;` and `if (left <= wanted) return false;` have one shape; `if (available < count)`
 * has another, since the operator is usually what a finding is about.
 */
export function codeShape(lines: readonly string[]): string {
  const tokens: string[] = [];
  for (const line of lines) {
    const code = withoutComment(line);
    for (const match of code.matchAll(TOKEN)) {
      tokens.push(abstractToken(match[0]));
      if (tokens.length >= MAX_TOKENS) return tokens.join(' ');
    }
  }
  return tokens.join(' ');
}

// Two shapes are alike from here (shapeSimilarity): the eval's cases and the pairs in
// test/review/learnings/resembles.test.ts set it.
export const SIMILAR_SHAPE = 0.6;

/**
 * How alike two code shapes are, 0–1: the mean of the Dice coefficient and the overlap
 * coefficient of their token trigrams (bigrams or single tokens for very short code). Dice alone
 * would call a one-line span unlike the three-line span around the same line; overlap alone
 * would call a short shape like anything that contains it. Empty shapes are alike to nothing.
 */
export function shapeSimilarity(a: string, b: string): number {
  const left = a.split(' ').filter(Boolean);
  const right = b.split(' ').filter(Boolean);
  if (left.length === 0 || right.length === 0) return 0;
  const n = Math.min(3, left.length, right.length);
  const gramsA = grams(left, n);
  const gramsB = grams(right, n);
  let shared = 0;
  for (const [gram, count] of gramsA) shared += Math.min(count, gramsB.get(gram) ?? 0);
  const sizeA = left.length - n + 1;
  const sizeB = right.length - n + 1;
  const dice = (2 * shared) / (sizeA + sizeB);
  const overlap = shared / Math.min(sizeA, sizeB);
  return (dice + overlap) / 2;
}

function grams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= tokens.length; start += 1) {
    const gram = tokens.slice(start, start + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function abstractToken(token: string): string {
  if (/^["'`]/.test(token)) return 's';
  if (/^\d/.test(token)) return '0';
  if (/^[A-Za-z_$]/.test(token)) return KEYWORDS.has(token) ? token : 'x';
  return token;
}

/** A line without its trailing `//` or `#` comment (a `#` that opens the line is a comment too). */
function withoutComment(line: string): string {
  const trimmed = line.trim();
  if (/^(\/\/|#(?!include|define|if|endif|pragma)|\/\*|\*)/.test(trimmed)) return '';
  return trimmed.replace(/\s\/\/\s.*$/, '').replace(/\s#\s.*$/, '');
}
