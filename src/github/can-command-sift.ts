import type { Octokit } from './octokit.js';

const WRITERS = new Set(['admin', 'maintain', 'write']);

/**
 * Whether someone may ask Sift for work on a repository: write, maintain or admin permission.
 * Reviews cost money, and on a public repository anyone can comment.
 */
export async function canCommandSift(
  octokit: Octokit,
  target: { owner: string; repo: string; user: string },
): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: target.owner,
      repo: target.repo,
      username: target.user,
    });
    const role = (data as { role_name?: string }).role_name ?? data.permission;
    return WRITERS.has(role) || data.permission === 'admin' || data.permission === 'write';
  } catch (error) {
    // GitHub answers 404 for someone who is not a collaborator at all.
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
