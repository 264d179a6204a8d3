import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  DEFAULT_CATEGORIES,
  DEFAULT_REPO_CONFIG,
  repoConfigSchema,
} from '../../src/config/repo-config-schema.js';

describe('repoConfigSchema', () => {
  describe('defaults (an empty .github/sift.yml)', () => {
    it('reviews every category but the nitpicks: maintainability and style are off', () => {
      expect(DEFAULT_REPO_CONFIG.categories).toEqual([
        'bug',
        'security',
        'performance',
        'concurrency',
        'api-contract',
      ]);
      expect(DEFAULT_REPO_CONFIG.categories).not.toContain('maintainability');
      expect(DEFAULT_REPO_CONFIG.categories).not.toContain('style');
    });

    it('posts at most 5 comments, ignores no extra paths and has no house rules', () => {
      expect(DEFAULT_REPO_CONFIG).toMatchObject({ maxComments: 5, paths: { ignore: [] }, instructions: '' });
    });

    it('reviews new pushes but not drafts, bots or pull requests labelled sift:skip', () => {
      expect(DEFAULT_REPO_CONFIG.autoReview).toEqual({
        drafts: false,
        bots: false,
        onPush: true,
        skipLabels: ['sift:skip'],
      });
    });

    it('gives a nested mapping its defaults when only some of its keys are set', () => {
      expect(repoConfigSchema.parse({ autoReview: { drafts: true } }).autoReview).toEqual({
        ...DEFAULT_REPO_CONFIG.autoReview,
        drafts: true,
      });
    });
  });

  it('lists default categories that are all known categories', () => {
    expect(CATEGORIES).toEqual(expect.arrayContaining(DEFAULT_CATEGORIES));
  });

  it.each([
    ['an unknown top-level key', { maxcomments: 3 }],
    ['an unknown nested key', { autoReview: { draft: true } }],
    ['an unknown category', { categories: ['nits'] }],
    ['an empty skip label', { autoReview: { skipLabels: [''] } }],
  ])('rejects %s', (_, input) => {
    expect(repoConfigSchema.safeParse(input).success).toBe(false);
  });
});
