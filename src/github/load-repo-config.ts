import { describeYamlError } from '../config/describe-yaml-error.js';
import { hasPath } from '../config/has-path.js';
import type { ConfigLayer, LoadedRepoConfig, LocatedConfigProblem } from '../config/loaded-repo-config.js';
import { REPO_CONFIG_PATH } from '../config/loaded-repo-config.js';
import { locateYamlKey } from '../config/locate-yaml-key.js';
import { mergeConfigLayers } from '../config/merge-config-layers.js';
import { resolveRepoConfig } from '../config/resolve-repo-config.js';
import type { Octokit } from './octokit.js';

/**
 * Reads `.github/sift.yml` (or the file at `path`) from the pull request's base branch — never
 * from the head, so a pull request cannot switch off its own review — through Probot's config
 * plugin, which falls back to the organisation's `.github` repository and follows `_extends`.
 * Problems never stop a review: each is reported with its file and line, and the defaults fill in.
 */
export async function loadRepoConfig(
  octokit: Octokit,
  target: { owner: string; repo: string; ref: string; path?: string | undefined },
): Promise<LoadedRepoConfig> {
  const path = target.path ?? REPO_CONFIG_PATH;
  let files: Awaited<ReturnType<Octokit['config']['get']>>['files'];
  try {
    ({ files } = await octokit.config.get({
      owner: target.owner,
      repo: target.repo,
      path,
      branch: target.ref,
    }));
  } catch (error) {
    if ((error as { status?: number }).status !== undefined) throw error; // GitHub failed: let the job retry.
    const { config } = resolveRepoConfig({});
    return { config, problems: [describeConfigPluginError(error, { ...target, path })], layers: [] };
  }
  const layers: ConfigLayer[] = files.map((file) => ({
    repository: `${file.owner}/${file.repo}`,
    path: file.path,
    content: file.config,
  }));
  const { config, problems } = resolveRepoConfig(
    mergeConfigLayers(layers.map((layer) => layer.content ?? undefined)),
  );
  const sources = problems.map(
    (problem) => files.find((file) => hasPath(file.config, problem.key.split('.').filter(Boolean))) ?? null,
  );
  const texts = new Map<string, Promise<string | null>>();
  for (const source of sources) {
    if (source && !texts.has(source.url)) texts.set(source.url, fetchRawText(octokit, source.url));
  }
  const located = await Promise.all(
    problems.map(async (problem, index) => {
      const source = sources[index];
      if (!source) return { ...problem, file: null, line: null };
      const text = await texts.get(source.url);
      return {
        ...problem,
        file: `${source.owner}/${source.repo}:${source.path}`,
        line: text ? locateYamlKey(text, problem.key) : null,
      };
    }),
  );
  return { config, problems: located, layers };
}

/**
 * A file the config plugin could not use. The plugin names it by its API URL
 * (`https://api.github.com/repos/acme/app/contents/.github%2Fsift.yml?ref=main`); people know it as
 * `acme/app:.github/sift.yml`. A YAML syntax error, kept as the error's cause, gets its line and column.
 */
function describeConfigPluginError(
  error: unknown,
  target: { owner: string; repo: string; path: string },
): LocatedConfigProblem {
  const message =
    error instanceof Error
      ? error.message.replace(/^\[@probot\/octokit-plugin-config\] /, '')
      : String(error);
  const url = /\bhttps?:\/\/\S+\/repos\/([^/\s]+)\/([^/\s]+)\/contents\/([^?\s]+)\S*/.exec(message);
  const file = url
    ? `${url[1]}/${url[2]}:${decodeURIComponent(url[3] ?? '')}`
    : `${target.owner}/${target.repo}:${target.path}`;
  const cause = (error as { cause?: unknown }).cause;
  if ((cause as { name?: unknown } | undefined)?.name === 'YAMLParseError')
    return describeYamlError(cause, file);
  return { key: '', message: url ? message.replace(url[0], file) : message, file, line: null };
}

/** Fetches a configuration file's text a second time, only when it has problems, to point at the lines to fix. */
async function fetchRawText(octokit: Octokit, url: string): Promise<string | null> {
  try {
    const response = await octokit.request({ method: 'GET', url, mediaType: { format: 'raw' } });
    return typeof response.data === 'string' ? response.data : null;
  } catch {
    return null; // The line is a courtesy; the problem is reported without it.
  }
}
