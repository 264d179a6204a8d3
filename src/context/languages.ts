/** The languages Sift parses with tree-sitter; any other file is context as plain text. */
export const LANGUAGE_IDS = [
  'typescript',
  'tsx',
  'javascript',
  'python',
  'go',
  'java',
  'rust',
  'csharp',
  'ruby',
  'php',
  'c',
  'cpp',
] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

const BY_EXTENSION: Readonly<Record<string, LanguageId>> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  py: 'python',
  pyi: 'python',
  go: 'go',
  java: 'java',
  rs: 'rust',
  cs: 'csharp',
  rb: 'ruby',
  rake: 'ruby',
  php: 'php',
  c: 'c',
  // Headers are parsed as C++: its grammar accepts nearly all C, while C's rejects C++ headers.
  h: 'cpp',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  hxx: 'cpp',
};

const BY_FILE_NAME: Readonly<Record<string, LanguageId>> = { Rakefile: 'ruby', Gemfile: 'ruby' };

/** The language of a path by its extension, or null for a file Sift reads as plain text. */
export function detectLanguage(path: string): LanguageId | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const byName = BY_FILE_NAME[name];
  if (byName) return byName;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}
