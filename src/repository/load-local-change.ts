import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { parseUnifiedDiff } from '../diff/parse-unified-diff.js';
import { UsageError } from '../errors.js';
import type { Change } from '../review/types.js';

const run = promisify(execFile);

/** `git diff` with fixed settings: a user's diff.external, colour or mnemonic prefixes must not change what Sift parses. */
export const DIFF_ARGS = [
  '-c',
  'diff.noprefix=false',
  '-c',
  'diff.mnemonicprefix=false',
  '-c',
  'core.quotepath=true',
  'diff',
  '--no-color',
  '--no-ext-diff',
  '--find-renames',
] as const;

/**
 * The change between two commits of a local repository, as the review pipeline takes it. `head`
 * defaults to HEAD and `base` to its merge base with the default branch (origin's HEAD, else
 * main or master), which is what a pull request from this branch would show.
 */
export async function loadLocalChange(
  directory: string,
  refs: { base?: string | undefined; head?: string | undefined },
): Promise<Change> {
  const git = async (...args: string[]) =>
    (await run('git', ['-C', directory, ...args], { maxBuffer: 512 << 20 })).stdout;
  try {
    await git('rev-parse', '--git-dir');
  } catch {
    throw new UsageError(
      `[sift] ${directory} is not a git repository: run sift inside one, or pass --repo <path>`,
    );
  }
  const head = await resolveCommit(git, refs.head ?? 'HEAD');
  const base = refs.base ? await resolveCommit(git, refs.base) : await mergeBaseWithDefaultBranch(git, head);
  if (base === head) {
    throw new UsageError(
      '[sift] nothing to review: the base and head are the same commit; pass --base <ref> to compare with another',
    );
  }
  const diff = await git(...DIFF_ARGS, base, head);
  const messages = (await git('log', '--format=%B%x00', `${base}..${head}`))
    .split('\0')
    .map((message) => message.trim())
    .filter(Boolean);
  const remote = await git('remote', 'get-url', 'origin').catch(() => '');
  return {
    repository: {
      owner: '',
      repo: basename(directory),
      htmlUrl: webUrlOf(remote.trim()) ?? `file://${directory}`,
    },
    title: messages.length === 1 ? (messages[0]?.split('\n')[0] ?? '') : `${messages.length} commits`,
    body: messages.length === 1 ? (messages[0]?.split('\n').slice(1).join('\n').trim() ?? '') : '',
    base: { ref: refs.base ?? 'merge base', sha: base },
    head: { ref: refs.head ?? 'HEAD', sha: head },
    commitMessages: messages.reverse(),
    files: parseUnifiedDiff(diff),
  };
}

async function resolveCommit(git: (...args: string[]) => Promise<string>, ref: string): Promise<string> {
  try {
    return (await git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)).trim();
  } catch {
    throw new UsageError(`[sift] ${JSON.stringify(ref)} is not a commit in this repository`);
  }
}

async function mergeBaseWithDefaultBranch(
  git: (...args: string[]) => Promise<string>,
  head: string,
): Promise<string> {
  const candidates: string[] = [];
  const originHead = await git('symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD').catch(() => '');
  if (originHead.trim()) candidates.push(originHead.trim().replace(/^refs\/remotes\//, ''));
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const branch of candidates) {
    const base = await git('merge-base', branch, head).catch(() => '');
    if (base.trim()) return base.trim();
  }
  throw new UsageError(
    '[sift] cannot find the default branch (origin/HEAD, main or master): pass --base <ref>',
  );
}

/** `git@github.com:acme/app.git` or `https://github.com/acme/app.git` → `https://github.com/acme/app`. */
function webUrlOf(remote: string): string | null {
  const ssh = /^git@([^:]+):(.+?)(\.git)?$/.exec(remote);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const https = /^https?:\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(\.git)?$/.exec(remote);
  return https ? `https://${https[1]}/${https[2]}` : null;
}
