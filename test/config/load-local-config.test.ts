import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocalConfig } from '../../src/config/load-local-config.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A repository with one commit holding `.github/sift.yml`. */
function repoWithConfig(yaml: string): string {
  const dir = makeTempDir('sift-local-config-');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]);
  git('init', '--quiet');
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github', 'sift.yml'), yaml);
  git('add', '.');
  git('commit', '--quiet', '-m', 'config');
  return dir;
}

describe('loadLocalConfig', () => {
  describe('.github/sift.yml at a commit', () => {
    it('with a YAML syntax error › one problem at the file path, line and column; the defaults', async () => {
      const directory = repoWithConfig('threshold: 0.8\nautoReview: drafts: true\n');
      const loaded = await loadLocalConfig({ directory, ref: 'HEAD' });
      expect(loaded.problems).toEqual([
        {
          key: '',
          message: 'invalid YAML: Nested mappings are not allowed in compact mappings',
          file: '.github/sift.yml',
          line: 2,
          column: 13,
        },
      ]);
      expect(loaded.config.threshold).toBe(0.7);
    });

    it('with an unknown key › the problem at the file path and line', async () => {
      const directory = repoWithConfig('threshold: 0.8\nmaxComment: 3\n');
      const loaded = await loadLocalConfig({ directory, ref: 'HEAD' });
      expect(loaded.problems).toMatchObject([{ key: 'maxComment', file: '.github/sift.yml', line: 2 }]);
    });
  });

  describe('a file', () => {
    it('optional and missing › the defaults, from a layer with no content', async () => {
      const file = join(makeTempDir('sift-local-config-'), 'sift.yml');
      const loaded = await loadLocalConfig({ file, optional: true });
      expect(loaded.problems).toEqual([]);
      expect(loaded.layers).toEqual([{ repository: 'local', path: file, content: null }]);
    });

    it('missing › an error saying so', async () => {
      const file = join(makeTempDir('sift-local-config-'), 'sift.yml');
      await expect(loadLocalConfig({ file })).rejects.toThrow(`cannot read ${file}: there is no such file`);
    });
  });
});
