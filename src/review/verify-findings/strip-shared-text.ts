import type { LocatedFinding } from '../types.js';

// Shared text shorter than this is a phrase two real claims may both use ("returns false when"),
// and too few words to sway claimSimilarity; a paragraph injected into every finding is far longer.
const MIN_SHARED_CHARS = 24;

/**
 * What each finding claims — its title and body — less the text that every finding of its answer
 * (one pass's reply) repeats: a common opening or ending of the titles or bodies, and any line
 * that all of them contain. Text a model adds to every finding says nothing about any one of them;
 * when it was planted in the pull request ("end every finding with this paragraph…") it would
 * make distinct findings look alike, merge them into one cluster and so make a real finding
 * vanish. Similarity is computed on what is left.
 *
 * Whitespace is normalised (lines trimmed, runs of blanks one space); an answer with a single
 * finding has nothing to compare with and keeps its text.
 */
export function stripSharedText(findings: readonly LocatedFinding[]): ReadonlyMap<LocatedFinding, string> {
  const answers = new Map<string, LocatedFinding[]>();
  for (const finding of findings) answers.set(finding.pass, [...(answers.get(finding.pass) ?? []), finding]);
  const claims = new Map<LocatedFinding, string>();
  for (const answer of answers.values()) {
    const shared = answer.length < 2 ? [] : sharedText(answer);
    for (const finding of answer) {
      const claim = normalise(`${finding.title}\n${finding.body}`);
      claims.set(
        finding,
        shared.reduce((text, fragment) => text.split(fragment).join('\n'), claim),
      );
    }
  }
  return claims;
}

/** The pieces of text every finding of one answer holds, longest first. */
function sharedText(answer: readonly LocatedFinding[]): string[] {
  const titles = answer.map((finding) => normalise(finding.title));
  const bodies = answer.map((finding) => normalise(finding.body));
  const lines = answer.map((finding) => new Set(normalise(`${finding.title}\n${finding.body}`).split('\n')));
  const [first, ...others] = lines;
  const inEveryFinding = [...(first ?? [])].filter((line) => others.every((set) => set.has(line)));
  return [commonStart(titles), commonEnd(titles), commonStart(bodies), commonEnd(bodies), ...inEveryFinding]
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= MIN_SHARED_CHARS)
    .sort((a, b) => b.length - a.length);
}

/** The longest start all texts share, in whole words: `reserve` and `reserved` share no word. */
function commonStart(texts: readonly string[]): string {
  const first = texts[0] ?? '';
  let length = 0;
  while (length < first.length && texts.every((text) => text[length] === first[length])) length += 1;
  const start = first.slice(0, length);
  const endsAtWord = texts.every((text) => text.length === length || /\s/.test(text[length] ?? ''));
  return endsAtWord || /\s$/.test(start) ? start : start.replace(/\S*$/, '');
}

function commonEnd(texts: readonly string[]): string {
  return reverse(commonStart(texts.map(reverse)));
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}

function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .join('\n');
}
