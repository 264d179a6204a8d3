import picomatch from 'picomatch';

/**
 * A matcher for path globs with .gitignore's conventions, which is what people write: a pattern
 * without a slash matches a file name anywhere (`*.snap`), one ending in `/` everything in that
 * folder (`docs/`); dotfiles match.
 */
export function compileGlobs(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const patterns = globs.map((glob) => {
    const folder = glob.endsWith('/') ? `${glob}**` : glob;
    return folder.includes('/') ? folder.replace(/^\//, '') : `**/${folder}`;
  });
  return picomatch(patterns, { dot: true });
}

/** Whether picomatch can compile `glob`: it swallows a broken pattern into a regex that matches nothing unless `debug` is on. */
export function isValidGlob(glob: string): boolean {
  try {
    picomatch.makeRe(glob, { dot: true, debug: true });
    return true;
  } catch {
    return false;
  }
}
