import type { Permission } from '../review/pull-request-host.js';
import type { Octokit } from './octokit.js';

const LEVELS: ReadonlySet<string> = new Set<Permission>(['admin', 'maintain', 'write', 'triage', 'read']);

/**
 * A person's permission on a repository. GitHub's `role_name` tells maintain and triage apart
 * (`permission` folds them into write and read); someone who is not a collaborator at all is a
 * 404, which means no permission.
 */
export async function permissionOf(
  octokit: Octokit,
  target: { owner: string; repo: string; user: string },
): Promise<Permission> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: target.owner,
      repo: target.repo,
      username: target.user,
    });
    const role = (data as { role_name?: string }).role_name ?? '';
    if (LEVELS.has(role)) return role as Permission;
    return LEVELS.has(data.permission) ? (data.permission as Permission) : 'none';
  } catch (error) {
    if ((error as { status?: number }).status === 404) return 'none';
    throw error;
  }
}
