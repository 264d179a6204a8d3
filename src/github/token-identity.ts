import type { SiftIdentity } from './app-identity.js';
import type { Octokit } from './octokit.js';

/**
 * The account a token posts as, asked of GitHub: GraphQL's `viewer`, which answers for every kind
 * of token (REST's GET /user refuses installation tokens). A workflow's GITHUB_TOKEN posts as
 * `github-actions[bot]`, a GitHub App's installation token as `<slug>[bot]`, a personal token as
 * its user. Sift trusts its hidden markers only from this account.
 */
export async function tokenIdentity(octokit: Octokit): Promise<SiftIdentity> {
  const { viewer } = await octokit.graphql<{ viewer: { login: string } | null }>(
    'query SiftViewer { viewer { login } }',
  );
  if (!viewer?.login)
    throw new Error('GitHub did not say which account the token belongs to (viewer has no login)');
  // A bot's login carries the `[bot]` suffix; no person's can, since logins have no brackets.
  return { login: viewer.login, type: viewer.login.endsWith('[bot]') ? 'Bot' : 'User' };
}
