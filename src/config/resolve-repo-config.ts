import type { z } from 'zod';
import { type RepoConfig, repoConfigSchema } from './repo-config-schema.js';

/** One key of a configuration file that could not be used, and why. */
export interface ConfigProblem {
  /** Dotted key path, e.g. `autoReview.drafts`; empty for the file as a whole. */
  readonly key: string;
  readonly message: string;
}

export interface ResolvedRepoConfig {
  readonly config: RepoConfig;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Validates merged configuration and keeps every valid key: an invalid or unknown key is reported
 * and its default applies, so one typo never switches off the rest of a team's settings.
 */
export function resolveRepoConfig(raw: unknown): ResolvedRepoConfig {
  if (raw === null || raw === undefined) return { config: repoConfigSchema.parse({}), problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      config: repoConfigSchema.parse({}),
      problems: [{ key: '', message: 'the file must be a YAML mapping of keys to values' }],
    };
  }
  let candidate: unknown = structuredClone(raw);
  const problems: ConfigProblem[] = [];
  // Each round removes the keys zod rejected; nesting is shallow, so a few rounds always suffice.
  for (let round = 0; round < 8; round += 1) {
    const result = repoConfigSchema.safeParse(candidate);
    if (result.success) return { config: result.data, problems };
    for (const issue of result.error.issues) {
      for (const path of offendingPaths(issue)) {
        problems.push({ key: path.join('.'), message: describeIssue(issue) });
        candidate = withoutPath(candidate, path);
      }
    }
  }
  return { config: repoConfigSchema.parse({}), problems };
}

function offendingPaths(issue: z.core.$ZodIssue): PropertyKey[][] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...issue.path, key]);
  // An invalid array element invalidates the whole list: half a list of categories is a surprise.
  const arrayIndex = issue.path.findIndex((segment) => typeof segment === 'number');
  return [arrayIndex >= 0 ? issue.path.slice(0, arrayIndex) : issue.path];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'is not a Sift setting (check the spelling)';
  const at = issue.path.some((segment) => typeof segment === 'number')
    ? ` (item ${issue.path.filter((segment) => typeof segment === 'number').join('.')})`
    : '';
  return `${issue.message.replace(/^Invalid input: /, '')}${at}`;
}

function withoutPath(value: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0) return {};
  if (typeof value !== 'object' || value === null) return value;
  const [head, ...rest] = path;
  const copy: Record<PropertyKey, unknown> = { ...(value as Record<PropertyKey, unknown>) };
  if (head === undefined) return copy;
  if (rest.length === 0) delete copy[head];
  else copy[head] = withoutPath(copy[head], rest);
  return copy;
}
