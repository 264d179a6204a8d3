import { execFileSync } from 'node:child_process';
import nock from 'nock';
import { gitTree } from './git-tree.js';
import { GITHUB_API } from './github-nock.js';

/**
 * Answers the GitHub calls the repository adapter makes for a cold commit, from a local git
 * repository as GitHub would serve them: the recursive tree, then each blob (`via: 'blobs'`, what
 * the adapter does for a small repository) or one tarball (`via: 'tarball'`, for a large one).
 * `truncated` answers the tree as GitHub does for one too large to list (the adapter then takes
 * everything from the tarball); `tarball` serves other bytes in place of the commit's archive.
 */
export function nockRepositoryAtCommit(options: {
  owner: string;
  repo: string;
  dir: string;
  ref: string;
  via: 'blobs' | 'tarball';
  truncated?: boolean;
  tarball?: Buffer;
}): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', options.dir, ...args], { maxBuffer: 64 << 20 });
  const sha = git('rev-parse', options.ref).toString().trim();
  const { tree } = gitTree(options.dir, sha);
  const api = nock(GITHUB_API);
  api
    .get(`/repos/${options.owner}/${options.repo}/git/trees/${sha}`)
    .query({ recursive: '1' })
    .reply(200, {
      sha,
      url: '',
      tree: options.truncated ? tree.slice(0, 1) : tree,
      truncated: options.truncated ?? false,
    });
  if (options.via === 'tarball') {
    const tarball =
      options.tarball ??
      git('archive', '--format=tar.gz', `--prefix=${options.owner}-${options.repo}-${sha.slice(0, 7)}/`, sha);
    api
      .get(`/repos/${options.owner}/${options.repo}/tarball/${sha}`)
      .reply(200, tarball, { 'content-type': 'application/x-gzip' });
    return;
  }
  for (const entry of tree) {
    const content = git('cat-file', 'blob', entry.sha).toString('base64');
    api
      .get(`/repos/${options.owner}/${options.repo}/git/blobs/${entry.sha}`)
      .reply(200, { sha: entry.sha, size: entry.size, encoding: 'base64', content });
  }
}
