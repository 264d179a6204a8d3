import { describe, expect, it } from 'vitest';
import { distilConvention } from '../../../src/review/learnings/distil-convention.js';
import { learningId } from '../../../src/review/learnings/learning-id.js';

const SOURCE = {
  repository: 'acme/inventory',
  pullNumber: 7,
  commentId: 2_000_000_321,
  repositoryUrl: 'https://github.com/acme/inventory',
  by: 'hubot',
  at: 5_000,
};

describe('distilConvention', () => {
  it('one sentence for the whole repository › kept, with its id and a link to the reply', () => {
    expect(
      distilConvention({ convention: 'This repository targets Python 3.8.', conventionPaths: [] }, SOURCE),
    ).toEqual({
      id: learningId('convention', 'acme/inventory', 2_000_000_321),
      rule: 'This repository targets Python 3.8.',
      paths: [],
      pullNumber: 7,
      commentId: 2_000_000_321,
      url: 'https://github.com/acme/inventory/pull/7#discussion_r2000000321',
      by: 'hubot',
      at: 5_000,
    });
  });

  it.each<[string, string | null, string[], { rule: string; paths: string[] } | null]>([
    ['no convention', null, [], null],
    ['a single word', 'Intended.', [], null],
    [
      'lines and runs of spaces › one line',
      'We return null\n  on purpose.',
      [],
      { rule: 'We return null on purpose.', paths: [] },
    ],
    [
      'scoped, one glob broken › the valid ones',
      'Handlers return null.',
      ['api/**', 'src/**/*.{ts'],
      { rule: 'Handlers return null.', paths: ['api/**'] },
    ],
    [
      'scoped, every glob broken › none: it would widen what was said',
      'Handlers return null.',
      ['api/[z-a]', 'with space/**'],
      null,
    ],
    [
      'more than 5 globs › the first 5',
      'Handlers return null.',
      ['a/**', 'b/**', 'c/**', 'd/**', 'e/**', 'f/**'],
      { rule: 'Handlers return null.', paths: ['a/**', 'b/**', 'c/**', 'd/**', 'e/**'] },
    ],
  ])('%s', (_, convention, conventionPaths, expected) => {
    const distilled = distilConvention({ convention, conventionPaths }, SOURCE);
    expect(distilled && { rule: distilled.rule, paths: distilled.paths }).toEqual(expected);
  });

  it('a rambling convention › clipped to 300 characters', () => {
    const distilled = distilConvention(
      { convention: `We ${'really '.repeat(100)}mean it.`, conventionPaths: [] },
      SOURCE,
    );
    expect(distilled?.rule.length).toBeLessThanOrEqual(301);
  });
});
