import { hasPath } from './has-path.js';
import type { LoadedRepoConfig } from './loaded-repo-config.js';

export interface ConfigEntry {
  /** Dotted key, e.g. `autoReview.drafts`. */
  readonly key: string;
  readonly value: unknown;
  /** `default`, or where the value came from: the repository, the organisation, or a file it extends. */
  readonly source: string;
}

/**
 * Every setting in effect, with where it came from: the most specific configuration file that
 * sets the key, or the default. A key whose value was invalid says so, since its default applies.
 */
export function describeConfigSources(loaded: LoadedRepoConfig): ConfigEntry[] {
  const invalid = new Map(loaded.problems.map((problem) => [problem.key, problem]));
  const entries: ConfigEntry[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
      return;
    }
    const key = path.join('.');
    // A bad section (`autoReview: yes`) is reported on its own key; every key under it defaults.
    const problem = path.map((_, end) => invalid.get(path.slice(0, end + 1).join('.'))).find(Boolean);
    const layer = loaded.layers.find((candidate) => hasPath(candidate.content, path));
    const source = problem
      ? `default (the value in ${problem.file ?? 'the file'} is invalid: ${problem.message})`
      : layer
        ? `${describeLayer(layer, loaded.layers[0])} (${layer.repository}:${layer.path})`
        : 'default';
    entries.push({ key, value, source });
  };
  visit(loaded.config, []);
  return entries;
}

/** The first layer is the repository's own file; the organisation's is the `.github` repository's. */
function describeLayer(
  layer: LoadedRepoConfig['layers'][number],
  own: LoadedRepoConfig['layers'][number] | undefined,
): string {
  if (layer === own && !layer.repository.endsWith('/.github')) return 'repository';
  return layer.repository.endsWith('/.github') ? 'organisation' : 'extended';
}
