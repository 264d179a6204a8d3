import { execFileSync } from 'node:child_process';

/** GitHub's view of a pull request between two commits of a local repository, as its REST API shows it. */
export interface FakePullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly pull: Record<string, unknown>;
  readonly files: Array<Record<string, unknown>>;
  readonly commits: Array<Record<string, unknown>>;
  /** The local repository the pull request was read from, for serving trees, blobs and tarballs. */
  readonly dir: string;
}

const STATUS: Record<string, string> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/**
 * Builds what GitHub would answer for a pull request from `baseRef` to `headRef` of a local clone:
 * the pull request object, the changed-file list with each file's patch, and the commits.
 */
export function pullRequestFromGit(
  dir: string,
  options: {
    baseRef: string;
    headRef: string;
    title: string;
    body: string;
    owner?: string;
    repo?: string;
    number?: number;
    htmlHost?: string;
    private?: boolean;
  },
): FakePullRequest {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'project';
  const number = options.number ?? 1;
  const base = git('rev-parse', options.baseRef).trim();
  const head = git('rev-parse', options.headRef).trim();
  const htmlUrl = `https://${options.htmlHost ?? 'github.com'}/${owner}/${repo}`;
  const repository = {
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: { login: owner, type: 'Organization' },
    html_url: htmlUrl,
    default_branch: 'main',
    private: options.private ?? false,
  };

  const files = git('diff', '--name-status', '-M', base, head)
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((row) => {
      const [code = 'M', first = '', second] = row.split('\t');
      const path = second ?? first;
      const patchText = git('diff', '-M', base, head, '--', ...(second ? [first, second] : [first]));
      const hunkStart = patchText.search(/^@@ /m);
      const patch = hunkStart < 0 ? undefined : patchText.slice(hunkStart).replace(/\n$/, '');
      const additions = patch ? patch.split('\n').filter((line) => line.startsWith('+')).length : 0;
      const deletions = patch ? patch.split('\n').filter((line) => line.startsWith('-')).length : 0;
      return {
        filename: path,
        status: STATUS[code.charAt(0)] ?? 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        ...(patch ? { patch } : {}),
        ...(second ? { previous_filename: first } : {}),
      };
    });

  const commits = git('log', '--format=%H%x00%B%x01', `${base}..${head}`)
    .split('\x01')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [sha = '', message = ''] = entry.split('\0');
      return { sha, commit: { message: message.trim() } };
    });

  const user = { login: 'octocat', type: 'User' };
  const pull = {
    number,
    state: 'open',
    title: options.title,
    body: options.body,
    user,
    draft: false,
    merged: false,
    labels: [],
    html_url: `${htmlUrl}/pull/${number}`,
    head: { ref: 'feature', sha: head, repo: repository },
    base: { ref: 'main', sha: base, repo: repository },
    changed_files: files.length,
  };
  return { owner, repo, number, pull, files, commits, dir };
}
