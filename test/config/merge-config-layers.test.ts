import { describe, expect, it } from 'vitest';
import { mergeConfigLayers } from '../../src/config/merge-config-layers.js';

// Layers are most specific first: the repository's file, then the organisation's it extends.
const org = {
  maxComments: 8,
  categories: ['bug', 'security', 'performance'],
  instructions: 'Money is always integer cents.',
  autoReview: { drafts: true, bots: false, skipLabels: ['sift:skip', 'wip'] },
};

describe('mergeConfigLayers', () => {
  it.each([
    {
      condition: 'the repository sets a scalar the organisation also sets',
      repo: { maxComments: 2 },
      expected: { ...org, maxComments: 2 },
    },
    {
      condition: 'the repository sets one key of a nested mapping',
      repo: { autoReview: { bots: true } },
      expected: { ...org, autoReview: { drafts: true, bots: true, skipLabels: ['sift:skip', 'wip'] } },
    },
    {
      condition: 'the repository lists categories',
      repo: { categories: ['bug', 'style'] },
      expected: { ...org, categories: ['bug', 'style'] },
    },
    {
      condition: 'the repository lists skip labels inside a nested mapping',
      repo: { autoReview: { skipLabels: ['dependencies'] } },
      expected: { ...org, autoReview: { drafts: true, bots: false, skipLabels: ['dependencies'] } },
    },
    {
      condition: 'the repository adds a key the organisation does not set',
      repo: { paths: { ignore: ['generated/**'] } },
      expected: { ...org, paths: { ignore: ['generated/**'] } },
    },
    {
      condition: 'the repository sets a mapping to a scalar',
      repo: { autoReview: false },
      expected: { ...org, autoReview: false },
    },
    {
      condition: 'the repository sets an empty list',
      repo: { categories: [] },
      expected: { ...org, categories: [] },
    },
  ])('$condition › the repository wins, the rest is inherited', ({ repo, expected }) => {
    expect(mergeConfigLayers([repo, org])).toEqual(expected);
  });

  it('replaces lists rather than concatenating them', () => {
    const merged = mergeConfigLayers([{ categories: ['style'] }, org]) as { categories: string[] };
    expect(merged.categories).toEqual(['style']);
  });

  it('applies three layers in order: repository over its extended file over the organisation', () => {
    const merged = mergeConfigLayers([
      { maxComments: 1 },
      { maxComments: 4, instructions: 'Team rules.' },
      { maxComments: 9, instructions: 'Org rules.', autoReview: { drafts: true } },
    ]);
    expect(merged).toEqual({ maxComments: 1, instructions: 'Team rules.', autoReview: { drafts: true } });
  });

  describe('layers without content', () => {
    it.each([
      ['the repository has no file', [undefined, org], org],
      ['the organisation has no file', [{ maxComments: 2 }, undefined], { maxComments: 2 }],
      ['neither has a file', [undefined, undefined], undefined],
      ['there are no layers', [], undefined],
    ])('%s › the other layer is used as is', (_, layers, expected) => {
      expect(mergeConfigLayers(layers)).toEqual(expected);
    });

    it('an empty repository file (null) › the repository file replaces the organisation file', () => {
      // Callers turn a missing file into undefined; null is what an empty YAML document parses to.
      expect(mergeConfigLayers([null, org])).toBeNull();
    });
  });

  it('a null value for a key › overrides the inherited value, so validation reports it', () => {
    expect(mergeConfigLayers([{ autoReview: null }, org])).toEqual({ ...org, autoReview: null });
  });

  it('does not modify the layers', () => {
    const repo = { autoReview: { bots: true } };
    const base = structuredClone(org);
    mergeConfigLayers([repo, base]);
    expect(repo).toEqual({ autoReview: { bots: true } });
    expect(base).toEqual(org);
  });
});
