import { type GitHubChangedFile, parseGitHubFile } from '../diff/parse-github-file.js';
import type { PullRequestChange } from '../review/types.js';
import type { Octokit } from './octokit.js';

export interface PullRequestTarget {
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
}

/**
 * Stage 1: the pull request as GitHub has it now — metadata, every changed file with its parsed
 * patch (paginated), and the commit messages. GitHub lists at most 3,000 files and 250 commits;
 * `changedFileCount` keeps the true number so the check run can say what was not listed.
 */
export async function loadPullRequest(
  octokit: Octokit,
  target: PullRequestTarget,
): Promise<PullRequestChange> {
  const params = { owner: target.owner, repo: target.repo, pull_number: target.pullNumber };
  const [{ data: pull }, files, commits] = await Promise.all([
    octokit.rest.pulls.get(params),
    octokit.paginate(octokit.rest.pulls.listFiles, { ...params, per_page: 100 }),
    octokit.paginate(octokit.rest.pulls.listCommits, { ...params, per_page: 100 }),
  ]);
  return {
    repository: {
      owner: target.owner,
      repo: target.repo,
      htmlUrl: pull.base.repo.html_url,
      private: pull.base.repo.private,
    },
    number: pull.number,
    title: pull.title,
    body: pull.body ?? '',
    author: { login: pull.user.login, isBot: pull.user.type === 'Bot' },
    draft: pull.draft ?? false,
    state: pull.state === 'closed' ? 'closed' : 'open',
    merged: pull.merged,
    labels: pull.labels.map((label) => label.name),
    base: { ref: pull.base.ref, sha: pull.base.sha },
    head: { ref: pull.head.ref, sha: pull.head.sha },
    commitMessages: commits.map((commit) => commit.commit.message),
    files: files.map((file) => parseGitHubFile(file as GitHubChangedFile)),
    changedFileCount: pull.changed_files,
  };
}
