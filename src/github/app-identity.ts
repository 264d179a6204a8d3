import type { Octokit } from './octokit.js';

/**
 * Whether a comment's author is this app's own bot. GitHub names an app's bot `<slug>[bot]` in
 * REST and `<slug>` (typename `Bot`) in GraphQL. Only this app's comments are trusted to carry
 * Sift's hidden markers: any other bot — or app — could post a forged "already reviewed".
 */
export function isThisApp(
  author:
    | { readonly login?: string | null | undefined; readonly type?: string | null | undefined }
    | null
    | undefined,
  appSlug: string,
): boolean {
  if (!author?.login || author.type !== 'Bot') return false;
  return author.login.replace(/\[bot\]$/, '').toLowerCase() === appSlug.toLowerCase();
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
