import type { FileAtRef } from '../review/pull-request-host.js';
import type { Octokit } from './octokit.js';

/** A file at a commit through the contents API. */
export async function readFileAtRef(
  octokit: Octokit,
  target: { owner: string; repo: string; path: string; ref: string },
): Promise<FileAtRef> {
  try {
    const response = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: target.owner,
      repo: target.repo,
      path: target.path,
      ref: target.ref,
      mediaType: { format: 'raw' },
    });
    return { exists: true, text: typeof response.data === 'string' ? response.data : null };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { exists: false, text: null };
    throw error;
  }
}
