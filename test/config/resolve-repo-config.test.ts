import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_REPO_CONFIG } from '../../src/config/repo-config-schema.js';
import { resolveRepoConfig } from '../../src/config/resolve-repo-config.js';

/** Resolves a `.github/sift.yml` as the config plugin hands it over: parsed YAML. */
const resolveYaml = (text: string) => resolveRepoConfig(parse(text));

describe('resolveRepoConfig', () => {
  describe('a valid file', () => {
    it('uses every key it sets and defaults the rest', () => {
      const { config, problems } = resolveYaml(`
maxComments: 3
categories: [bug, security, maintainability]
paths:
  ignore:
    - "docs/**"
    - "**/*.snap"
instructions: We never log user email addresses.
autoReview:
  drafts: true
  skipLabels: [wip, "no review"]
`);
      expect(problems).toEqual([]);
      expect(config).toEqual({
        ...DEFAULT_REPO_CONFIG,
        maxComments: 3,
        categories: ['bug', 'security', 'maintainability'],
        paths: { ignore: ['docs/**', '**/*.snap'] },
        instructions: 'We never log user email addresses.',
        autoReview: { drafts: true, bots: false, onPush: true, skipLabels: ['wip', 'no review'] },
      });
    });

    it('accepts maxComments 0 (post nothing inline) and 50, the bounds', () => {
      expect(resolveYaml('maxComments: 0')).toEqual({
        config: { ...DEFAULT_REPO_CONFIG, maxComments: 0 },
        problems: [],
      });
      expect(resolveYaml('maxComments: 50').config.maxComments).toBe(50);
    });
  });

  describe('an empty file or no file', () => {
    it.each([
      ['an empty file', ''],
      ['a file holding only comments', '# reviews on, defaults everywhere\n'],
      ['an explicit null document', '~'],
    ])('%s › defaults with no problem', (_, text) => {
      expect(resolveYaml(text)).toEqual({ config: DEFAULT_REPO_CONFIG, problems: [] });
    });

    it('undefined (no file anywhere) › defaults with no problem', () => {
      expect(resolveRepoConfig(undefined)).toEqual({ config: DEFAULT_REPO_CONFIG, problems: [] });
    });
  });

  describe('a file that is not a mapping', () => {
    it.each([
      ['a list', '- maxComments: 3\n- categories: [bug]'],
      ['a string', 'review everything please'],
      ['a number', '42'],
      ['a boolean', 'true'],
    ])('%s › defaults, and one problem for the whole file', (_, text) => {
      expect(resolveYaml(text)).toEqual({
        config: DEFAULT_REPO_CONFIG,
        problems: [{ key: '', message: 'the file must be a YAML mapping of keys to values' }],
      });
    });
  });

  describe('unknown keys', () => {
    it('are reported by dotted key and ignored, keeping the valid keys beside them', () => {
      const { config, problems } = resolveYaml(`
maxComment: 2
maxComments: 4
autoReview:
  draft: true
  bots: true
`);
      expect(config).toEqual({
        ...DEFAULT_REPO_CONFIG,
        maxComments: 4,
        autoReview: { ...DEFAULT_REPO_CONFIG.autoReview, bots: true },
      });
      expect(problems).toEqual(
        expect.arrayContaining([
          { key: 'maxComment', message: 'is not a Sift setting (check the spelling)' },
          { key: 'autoReview.draft', message: 'is not a Sift setting (check the spelling)' },
        ]),
      );
      expect(problems).toHaveLength(2);
    });
  });

  describe('values of the wrong type', () => {
    it.each([
      {
        yaml: 'maxComments: three',
        key: 'maxComments',
        message: 'expected number, received string',
      },
      { yaml: 'maxComments: 2.5', key: 'maxComments', message: 'expected int, received number' },
      { yaml: 'maxComments: 51', key: 'maxComments', message: 'Too big: expected number to be <=50' },
      { yaml: 'maxComments: -1', key: 'maxComments', message: 'Too small: expected number to be >=0' },
      // YAML 1.2 reads `yes` as a string, a classic surprise for people used to YAML 1.1.
      {
        yaml: 'autoReview:\n  drafts: yes',
        key: 'autoReview.drafts',
        message: 'expected boolean, received string',
      },
      {
        yaml: 'autoReview:\n  skipLabels: wip',
        key: 'autoReview.skipLabels',
        message: 'expected array, received string',
      },
      { yaml: 'paths: src', key: 'paths', message: 'expected object, received string' },
      { yaml: 'autoReview:', key: 'autoReview', message: 'expected object, received null' },
      {
        yaml: `instructions: "${'x'.repeat(4001)}"`,
        key: 'instructions',
        message: 'Too big: expected string to have <=4000 characters',
      },
      {
        yaml: 'categories: []',
        key: 'categories',
        message: 'Too small: expected array to have >=1 items',
      },
    ])('$key in `$yaml` › reported by dotted key, default applied', ({ yaml, key, message }) => {
      const { config, problems } = resolveYaml(yaml);
      expect(problems).toEqual([{ key, message }]);
      expect(config).toEqual(DEFAULT_REPO_CONFIG);
    });

    it('keeps every other key, including siblings in the same mapping', () => {
      const { config, problems } = resolveYaml(`
maxComments: lots
instructions: Flag any SQL built by string concatenation.
autoReview:
  drafts: "true"
  onPush: false
  skipLabels: [dependencies]
`);
      expect(problems.map((problem) => problem.key)).toEqual(['maxComments', 'autoReview.drafts']);
      expect(config).toEqual({
        ...DEFAULT_REPO_CONFIG,
        instructions: 'Flag any SQL built by string concatenation.',
        autoReview: { drafts: false, bots: false, onPush: false, skipLabels: ['dependencies'] },
      });
    });

    it('reports an unknown key and a wrong type in the same mapping together', () => {
      const { config, problems } = resolveYaml('autoReview:\n  draft: true\n  bots: "no"\n  onPush: false');
      expect(problems).toEqual(
        expect.arrayContaining([
          { key: 'autoReview.draft', message: 'is not a Sift setting (check the spelling)' },
          { key: 'autoReview.bots', message: 'expected boolean, received string' },
        ]),
      );
      expect(config.autoReview).toEqual({ ...DEFAULT_REPO_CONFIG.autoReview, onPush: false });
    });
  });

  describe('an invalid element in a list', () => {
    it('invalidates the whole categories list rather than keeping half of it', () => {
      const { config, problems } = resolveYaml('categories: [bug, nitpicks, style]');
      expect(config.categories).toEqual(DEFAULT_REPO_CONFIG.categories);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.key).toBe('categories');
      expect(problems[0]?.message).toMatch(/^Invalid option: expected one of "bug"\|.*\(item 1\)$/);
    });

    it('names every invalid element when there are several', () => {
      const { config, problems } = resolveYaml('categories: [bugs, security, perf]');
      expect(config.categories).toEqual(DEFAULT_REPO_CONFIG.categories);
      expect(problems.map((problem) => [problem.key, problem.message.match(/\(item \d+\)/)?.[0]])).toEqual([
        ['categories', '(item 0)'],
        ['categories', '(item 2)'],
      ]);
    });

    it('invalidates a nested list too: an empty pattern drops paths.ignore', () => {
      const { config, problems } = resolveYaml('paths:\n  ignore: ["docs/**", ""]\nmaxComments: 2');
      expect(problems).toEqual([
        { key: 'paths.ignore', message: 'Too small: expected string to have >=1 characters (item 1)' },
      ]);
      expect(config).toEqual({ ...DEFAULT_REPO_CONFIG, maxComments: 2 });
    });
  });

  it('does not modify the object it was given', () => {
    const raw = { maxComments: 'many', autoReview: { draft: true } };
    resolveRepoConfig(raw);
    expect(raw).toEqual({ maxComments: 'many', autoReview: { draft: true } });
  });
});
