import type { LanguageId } from './languages.js';

const JS_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.d.ts'];
const JS_INDEXES = ['/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs'];

/**
 * The repository files an import refers to, by each language's own lookup rules as far as they
 * can be followed without a build system: relative paths for JavaScript, TypeScript, Ruby and
 * C includes; dotted modules for Python and Java; `crate::` paths and `mod` for Rust; package
 * directories for Go; namespaces as paths for PHP. Packages from outside the repository resolve
 * to nothing.
 */
export function resolveImport(
  importer: string,
  source: string,
  language: LanguageId,
  exists: (path: string) => boolean,
  allPaths: () => Iterable<string>,
): string[] {
  const dir = importer.includes('/') ? importer.slice(0, importer.lastIndexOf('/')) : '';
  const first = (candidates: string[]) => {
    const found = candidates.map(normalise).find((candidate) => candidate !== null && exists(candidate));
    return found ? [found] : [];
  };
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript': {
      if (!source.startsWith('.')) return [];
      const target = normalise(join(dir, source));
      if (target === null) return [];
      // TypeScript ESM imports name the emitted `.js` file; the source is `.ts`.
      const stripped = target.replace(/\.(m|c)?js$/, '');
      const found = [
        ...JS_EXTENSIONS.map((ext) => target + ext),
        ...JS_EXTENSIONS.map((ext) => stripped + ext),
        ...JS_INDEXES.map((index) => target + index),
      ].find(exists);
      return found ? [found] : [];
    }
    case 'python': {
      const dots = /^\.+/.exec(source)?.[0].length ?? 0;
      const modulePath = source.slice(dots).split('.').filter(Boolean).join('/');
      if (dots > 0) {
        const parts = dir.split('/').filter(Boolean);
        if (dots - 1 > parts.length) return []; // beyond the top-level package
        const base = parts.slice(0, parts.length - (dots - 1)).join('/');
        const target = modulePath ? join(base, modulePath) : base;
        return first([`${target}.py`, `${target}/__init__.py`]);
      }
      return suffixMatch([`${modulePath}.py`, `${modulePath}/__init__.py`], allPaths);
    }
    case 'go': {
      const segments = source.split('/');
      const tail = segments.slice(-2).join('/');
      const last = segments.at(-1) ?? '';
      const matches: string[] = [];
      for (const path of allPaths()) {
        if (!path.endsWith('.go') || path.endsWith('_test.go')) continue;
        const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
        if (folder === tail || folder.endsWith(`/${tail}`) || folder === last || folder.endsWith(`/${last}`))
          matches.push(path);
      }
      return matches.sort();
    }
    case 'java':
      return suffixMatch([`${source.replace(/\.\*$/, '').replace(/\./g, '/')}.java`], allPaths);
    case 'rust': {
      // `crate::` starts at the crate's src folder; `self::` and `mod x;` at the folder holding the
      // file's child modules: beside mod.rs, lib.rs and main.rs, else the folder named after the
      // file (`src/store.rs` → `src/store/cache.rs`, Rust 2018); `super::` one folder above that.
      const srcAt = `/${importer}`.lastIndexOf('/src/');
      const crateRoot = srcAt >= 0 ? importer.slice(0, srcAt + 3) : 'src';
      const stem = importer.slice(importer.lastIndexOf('/') + 1).replace(/\.rs$/, '');
      const own = ['mod', 'lib', 'main'].includes(stem) ? dir : join(dir, stem);
      const prefix = /^(crate|self|super)::/.exec(source)?.[1];
      const roots =
        prefix === 'crate'
          ? [crateRoot]
          : prefix === 'self'
            ? [own]
            : prefix === 'super'
              ? [own.slice(0, Math.max(0, own.lastIndexOf('/')))]
              : [own, crateRoot];
      const segments = source
        .slice(prefix ? prefix.length + 2 : 0)
        .split('::')
        .filter(Boolean);
      const candidates: string[] = [];
      for (let length = segments.length; length > 0; length -= 1) {
        const path = segments.slice(0, length).join('/');
        for (const root of roots) candidates.push(`${join(root, path)}.rs`, `${join(root, path)}/mod.rs`);
      }
      return first(candidates);
    }
    case 'ruby':
      return first([`${join(dir, source)}.rb`, join(dir, source), `lib/${source}.rb`]);
    case 'php': {
      if (/\.php$/.test(source)) return first([join(dir, source), source]);
      return suffixMatch([`${source.replace(/^\\/, '').replace(/\\/g, '/')}.php`], allPaths);
    }
    case 'c':
    case 'cpp': {
      const local = first([join(dir, source), source]);
      return local.length > 0 ? local : suffixMatch([source], allPaths);
    }
    case 'csharp':
      return []; // namespaces do not map to files; C# symbols resolve by name
  }
}

function join(dir: string, relative: string): string {
  return dir ? `${dir}/${relative}` : relative;
}

/** Resolves `.` and `..` segments; null when the path climbs out of the repository. */
function normalise(path: string): string | null {
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

/** Paths ending in one of the suffixes at a folder boundary, shortest first (closest to the root). */
function suffixMatch(suffixes: readonly string[], allPaths: () => Iterable<string>): string[] {
  const matches: string[] = [];
  for (const path of allPaths()) {
    if (suffixes.some((suffix) => path === suffix || path.endsWith(`/${suffix}`))) matches.push(path);
  }
  return matches.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, 1);
}
