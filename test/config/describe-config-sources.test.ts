import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeConfigSources } from '../../src/config/describe-config-sources.js';
import type { ConfigLayer, LoadedRepoConfig } from '../../src/config/loaded-repo-config.js';
import { mergeConfigLayers } from '../../src/config/merge-config-layers.js';
import { resolveRepoConfig } from '../../src/config/resolve-repo-config.js';

const REPO = 'acme/inventory';
const ORG = 'acme/.github';
const SHARED = 'acme/sift-presets';
const PATH = '.github/sift.yml';

/**
 * What `loadRepoConfig` returns for these files, most specific first: layers as Probot's config
 * plugin hands them over (YAML parsed, null for a missing file), merged and validated; each
 * problem located in the first file that sets its key.
 */
function loaded(files: Array<[repository: string, yaml: string | null]>): LoadedRepoConfig {
  const layers: ConfigLayer[] = files.map(([repository, yaml]) => ({
    repository,
    path: PATH,
    content: yaml === null ? null : (parse(yaml) as Record<string, unknown>),
  }));
  const { config, problems } = resolveRepoConfig(
    mergeConfigLayers(layers.map((layer) => layer.content ?? undefined)),
  );
  return {
    config,
    layers,
    problems: problems.map((problem) => {
      const layer = layers.find(
        (candidate) => (problem.key.split('.')[0] ?? '') in (candidate.content ?? {}),
      );
      return { ...problem, file: layer ? `${layer.repository}:${layer.path}` : null, line: null };
    }),
  };
}

/** The rows of `/review config`: key, value, where it came from. */
const rows = (config: LoadedRepoConfig) =>
  Object.fromEntries(describeConfigSources(config).map((entry) => [entry.key, [entry.value, entry.source]]));

describe('describeConfigSources', () => {
  it('no configuration file anywhere › every setting, each a default', () => {
    const entries = describeConfigSources(
      loaded([
        [REPO, null],
        [ORG, null],
      ]),
    );
    expect(entries.map((entry) => entry.key)).toEqual([
      'threshold',
      'maxComments',
      'categories',
      'paths.ignore',
      'instructions',
      'context.tokenBudget',
      'ensemble.passes',
      'budget.maxModelCalls',
      'budget.maxTokens',
      'autoReview.drafts',
      'autoReview.bots',
      'autoReview.onPush',
      'autoReview.skipLabels',
      'commands.allowAuthor',
      'learning',
    ]);
    expect(new Set(entries.map((entry) => entry.source))).toEqual(new Set(['default']));
  });

  it("keys in the repository's own file › from the repository, with the file; the rest default", () => {
    const table = rows(
      loaded([[REPO, 'maxComments: 3\ncategories: [bug, security]\nautoReview:\n  drafts: true\n']]),
    );
    expect(table).toMatchObject({
      maxComments: [3, `repository (${REPO}:${PATH})`],
      categories: [['bug', 'security'], `repository (${REPO}:${PATH})`],
      'autoReview.drafts': [true, `repository (${REPO}:${PATH})`],
      'autoReview.bots': [false, 'default'],
      threshold: [0.7, 'default'],
    });
  });

  it("no repository file, the organisation's .github file › from the organisation", () => {
    const table = rows(
      loaded([
        [REPO, null],
        [ORG, 'threshold: 0.8\npaths:\n  ignore: ["**/*.snap"]\n'],
      ]),
    );
    expect(table).toMatchObject({
      threshold: [0.8, `organisation (${ORG}:${PATH})`],
      'paths.ignore': [['**/*.snap'], `organisation (${ORG}:${PATH})`],
      maxComments: [5, 'default'],
    });
  });

  it('a repository file extending the organisation and a shared preset › each key from the most specific file', () => {
    const table = rows(
      loaded([
        [REPO, 'maxComments: 2\n'],
        [ORG, 'maxComments: 8\nthreshold: 0.8\n'],
        [SHARED, 'threshold: 0.6\ninstructions: We never log user email addresses.\n'],
      ]),
    );
    expect(table).toMatchObject({
      maxComments: [2, `repository (${REPO}:${PATH})`],
      threshold: [0.8, `organisation (${ORG}:${PATH})`],
      instructions: ['We never log user email addresses.', `extended (${SHARED}:${PATH})`],
    });
  });

  describe('an invalid value', () => {
    it('a key out of range › the default, saying which file holds the bad value and why', () => {
      const table = rows(loaded([[REPO, 'maxComments: 80\nthreshold: 0.9\n']]));
      expect(table.maxComments).toEqual([
        5,
        `default (the value in ${REPO}:${PATH} is invalid: Too big: expected number to be <=50)`,
      ]);
      expect(table.threshold).toEqual([0.9, `repository (${REPO}:${PATH})`]);
    });

    it('an invalid item in a list › the whole list defaults, saying why', () => {
      const table = rows(loaded([[REPO, 'categories: [bug, typos]\n']]));
      expect(table.categories?.[0]).toEqual([
        'bug',
        'security',
        'performance',
        'concurrency',
        'api-contract',
      ]);
      expect(table.categories?.[1]).toMatch(
        new RegExp(`^default \\(the value in ${REPO}:\\.github/sift\\.yml is invalid: .+\\(item 1\\)\\)$`),
      );
    });

    it('a section that is not a mapping › each of its keys defaults, saying why', () => {
      const table = rows(loaded([[REPO, 'autoReview: yes\nmaxComments: 3\n']]));
      for (const key of [
        'autoReview.drafts',
        'autoReview.bots',
        'autoReview.onPush',
        'autoReview.skipLabels',
      ]) {
        expect(table[key]?.[1]).toMatch(
          new RegExp(`^default \\(the value in ${REPO}:\\.github/sift\\.yml is invalid: `),
        );
      }
      expect(table.maxComments).toEqual([3, `repository (${REPO}:${PATH})`]);
    });
  });
});
