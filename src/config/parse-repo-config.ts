import { parse } from 'yaml';
import { describeYamlError } from './describe-yaml-error.js';
import type { LoadedRepoConfig } from './loaded-repo-config.js';
import { locateYamlKey } from './locate-yaml-key.js';
import { resolveRepoConfig } from './resolve-repo-config.js';

/**
 * `.github/sift.yml` as committed, to configuration and the problems to report, each with its
 * line. Never throws: whatever the bytes (not UTF-8, not YAML, not a mapping), the defaults fill
 * in for what cannot be used. `label` names the file in the problems.
 */
export function parseRepoConfig(content: string | Uint8Array, label: string): LoadedRepoConfig {
  // Invalid UTF-8 becomes U+FFFD rather than an exception; a byte-order mark is dropped.
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  let raw: unknown;
  try {
    // Warnings (an unknown `!tag`) would go to the process's stderr; what matters is reported below.
    raw = parse(text, { logLevel: 'error' }) ?? {};
  } catch (error) {
    return { config: resolveRepoConfig({}).config, problems: [describeYamlError(error, label)], layers: [] };
  }
  const { config, problems } = resolveRepoConfig(raw);
  return {
    config,
    problems: problems.map((problem) => ({
      ...problem,
      file: label,
      line: locateYamlKey(text, problem.key),
    })),
    layers: [{ repository: 'local', path: label, content: raw as Record<string, unknown> }],
  };
}
