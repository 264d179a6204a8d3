// Shorter names (`f`, `w`, `os`, `ip`) are loop variables and receivers, too common to tell findings apart.
const MIN_LENGTH = 3;

// Keywords and literals a note quotes as code (`defer f.Close()`, `default is not None`) name no defect.
const KEYWORDS = new Set(
  'defer return const let var function def class self this true false True False null None nil undefined await async new if else for while not and'.split(
    ' ',
  ),
);

// A file a note names (`lib/command.js`, `mux.go`) is a place, not code the finding must mention.
const SOURCE_EXTENSIONS =
  'cjs|cpp|cs|css|cts|go|hpp|html|java|js|json|jsx|kt|md|mjs|mts|php|py|rb|rs|scss|sh|swift|toml|ts|tsx|yaml|yml';
const FILE_PATH = new RegExp(
  `[\\w$.-]*\\/[\\w$./-]*|(?<![\\w$.])[\\w$-]+\\.(?:${SOURCE_EXTENSIONS})(?![\\w$(])`,
  'g',
);
const BACKTICKED = /`([^`\n]+)`/g;
// Not preceded by a word character, so `2e3` and `.1f` hold no name.
const IDENTIFIER = /(?<![\w$])[A-Za-z_$][\w$]*/g;

/**
 * The code identifiers an expected finding's note names, in order of first mention: every name
 * inside `backticks`, and elsewhere camelCase, PascalCase with an inner capital (`CommanderError`,
 * `ServeHTTP`, not `POST`), snake_case, both sides of a member access (`Command._exit`) and names
 * called with `(`. File paths, keywords and names under three characters are left out.
 */
export function noteIdentifiers(note: string): string[] {
  const text = note.replace(FILE_PATH, (path) => ' '.repeat(path.length));
  const quoted = new Set<number>();
  for (const span of text.matchAll(BACKTICKED)) {
    const start = span.index + 1;
    for (let i = start; i < start + (span[1]?.length ?? 0); i += 1) quoted.add(i);
  }
  const names: string[] = [];
  for (const token of text.matchAll(IDENTIFIER)) {
    const name = token[0];
    const start = token.index;
    const end = start + name.length;
    const codeLike =
      quoted.has(start) ||
      isCamelCase(name) ||
      isPascalCaseWithInnerCapital(name) ||
      (name.includes('_') && /[A-Za-z]/.test(name)) ||
      (text[start - 1] === '.' && /[\w$)\]]/.test(text[start - 2] ?? '')) ||
      /^\.[A-Za-z_$]/.test(text.slice(end, end + 2)) ||
      text[end] === '(';
    if (codeLike && name.length >= MIN_LENGTH && !KEYWORDS.has(name) && !names.includes(name)) {
      names.push(name);
    }
  }
  return names;
}

function isCamelCase(name: string): boolean {
  return /^[a-z]/.test(name) && /[A-Z]/.test(name);
}

function isPascalCaseWithInnerCapital(name: string): boolean {
  return /^[A-Z]/.test(name) && /[a-z]/.test(name) && /[A-Z]/.test(name.slice(1));
}
