import { execFileSync } from 'node:child_process';

/** A commit's recursive tree as GitHub's "Get a tree" endpoint answers it, read from a local repository. */
export function gitTree(dir: string, sha: string) {
  const rows = execFileSync('git', ['-C', dir, 'ls-tree', '-r', '-l', '-z', sha], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const tree = rows
    .split('\0')
    .filter(Boolean)
    .map((row) => {
      const [meta = '', path = ''] = row.split('\t');
      const [mode = '', type = '', object = '', size = '0'] = meta.split(/\s+/);
      return { path, mode, type, sha: object, size: Number(size) };
    });
  return { sha, url: '', tree, truncated: false };
}
