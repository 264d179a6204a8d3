import type { Octokit } from './octokit.js';

/**
 * The account Sift posts as: the app's bot (`<slug>[bot]`), or in a GitHub Action the account of
 * the workflow's token (`github-actions[bot]` for GITHUB_TOKEN). Only its comments are trusted to
 * carry Sift's hidden markers: any other bot, app or person could post a forged "already reviewed".
 */
export interface SiftIdentity {
  readonly login: string;
  readonly type: 'Bot' | 'User';
}

/** The identity of the GitHub App whose slug this is. */
export function appIdentity(slug: string): SiftIdentity {
  return { login: `${slug}[bot]`, type: 'Bot' };
}

/**
 * Whether a comment's author is the account Sift posts as. GitHub names a bot `<slug>[bot]` in
 * REST and `<slug>` (typename `Bot`) in GraphQL; a person who took the same name is a `User`, not
 * the bot, and a bot is never the person.
 */
export function isSift(
  author:
    | { readonly login?: string | null | undefined; readonly type?: string | null | undefined }
    | null
    | undefined,
  identity: SiftIdentity,
): boolean {
  if (!author?.login || author.type !== identity.type) return false;
  return bareLogin(author.login) === bareLogin(identity.login);
}

function bareLogin(login: string): string {
  return login.replace(/\[bot\]$/, '').toLowerCase();
}

/**
 * The app's slug, asked of GitHub once (`GET /app`, as the app) and remembered; a failed lookup
 * is not remembered, so the next job asks again.
 */
export function rememberAppSlug(appOctokit: () => Promise<Octokit>): () => Promise<string> {
  let slug: Promise<string> | undefined;
  return () => {
    slug ??= (async () => {
      const { data } = await (await appOctokit()).rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error('GitHub did not say which app Sift is (GET /app has no slug)');
      return data.slug;
    })().catch((error: unknown) => {
      slug = undefined;
      throw error;
    });
    return slug;
  };
}
