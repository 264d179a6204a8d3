import { type GitHubChangedFile, parseGitHubFile } from '../diff/parse-github-file.js';
import type { Comparison } from '../review/pull-request-host.js';
import type { Octokit } from './octokit.js';

// GitHub's compare endpoint lists at most 300 files ("Compare two commits").
const MAX_COMPARE_FILES = 300;

export async function compareCommits(
  octokit: Octokit,
  target: { owner: string; repo: string; base: string; head: string },
): Promise<Comparison> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: target.owner,
      repo: target.repo,
      basehead: `${target.base}...${target.head}`,
    });
    if (data.status !== 'ahead') return { status: data.status };
    const files = (data.files ?? []).map((file) => parseGitHubFile(file as GitHubChangedFile));
    return { status: 'ahead', files, complete: files.length < MAX_COMPARE_FILES };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 422) return { status: 'unknown' };
    throw error;
  }
}
