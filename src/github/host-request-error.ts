import { HostRequestError } from '../errors.js';

/** An octokit failure: a RequestError carries the status and the request it answered. */
interface OctokitFailure {
  readonly status?: number;
  readonly request?: { readonly method?: string; readonly url?: string };
  readonly message?: string;
}

/**
 * Turns a failure of a GitHub request (after Probot's client retried the transient ones) into a
 * HostRequestError that names GitHub, the request and what to do; anything else is returned as
 * it was.
 */
export function hostRequestError(error: unknown): unknown {
  const failure = error as OctokitFailure | null;
  if (typeof failure?.status !== 'number' || !failure.request?.url) return error;
  const url = new URL(failure.request.url, 'http://github');
  const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
  const request = `${failure.request.method ?? 'GET'} ${path}`;
  return new HostRequestError(failure.status, request, advice(failure.status));
}

function advice(status: number): string {
  if (status >= 500 || status === 0)
    return 'GitHub is having trouble (it was asked again, and failed again). Use Re-run on this check once https://www.githubstatus.com is green.';
  if (status === 401)
    return "GitHub rejected Sift's credentials: the operator should check APP_ID and the private key.";
  if (status === 403 || status === 429)
    return 'GitHub refused: the app lacks a permission app.yml asks for (accept it in the installation settings), or a rate limit was hit. Re-run later.';
  if (status === 404)
    return 'GitHub says it does not exist or Sift cannot see it: check that the app is still installed on this repository with the permissions app.yml asks for.';
  return 'GitHub refused the request.';
}

/** Runs a GitHub request, turning its failure into a HostRequestError. */
export async function withHostErrors<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw hostRequestError(error);
  }
}
