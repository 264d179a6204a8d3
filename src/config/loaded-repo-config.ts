import type { RepoConfig } from './repo-config-schema.js';
import type { ConfigProblem } from './resolve-repo-config.js';

export const REPO_CONFIG_PATH = '.github/sift.yml';

/** A file that took part in the configuration, most specific first. */
export interface ConfigLayer {
  readonly repository: string;
  readonly path: string;
  /** Parsed content, or null when the file does not exist. */
  readonly content: Record<string, unknown> | null;
}

export interface LocatedConfigProblem extends ConfigProblem {
  /** `owner/repo:path` of the file the bad value came from, when known. */
  readonly file: string | null;
  readonly line: number | null;
  /** 1-based, when the problem is at a point of the line (a YAML syntax error) rather than a key. */
  readonly column?: number;
}

export interface LoadedRepoConfig {
  readonly config: RepoConfig;
  readonly problems: readonly LocatedConfigProblem[];
  readonly layers: readonly ConfigLayer[];
}
