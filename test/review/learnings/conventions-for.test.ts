import { describe, expect, it } from 'vitest';
import { conventionsFor, renderConventions } from '../../../src/review/learnings/conventions-for.js';
import type { Convention } from '../../../src/review/learnings/learning-types.js';

const convention = (rule: string, paths: string[] = [], at = 1_000): Convention => ({
  id: at.toString(16).padStart(7, '0'),
  rule,
  paths,
  pullNumber: 7,
  commentId: 2_000_000_123,
  url: null,
  by: 'hubot',
  at,
});

describe('conventionsFor', () => {
  const PYTHON = convention(
    'This repository targets Python 3.8: no `match` statements or `|` unions.',
    [],
    1_000,
  );
  const API = convention(
    'Handlers under `api/` return null for a missing record; callers check.',
    ['api/**'],
    2_000,
  );

  it('a review of files under api/ › both, newest first', () => {
    expect(conventionsFor([PYTHON, API], ['api/users.py', 'setup.py'])).toEqual([API, PYTHON]);
  });

  it('a review of no file under api/ › the repository-wide one only', () => {
    expect(conventionsFor([PYTHON, API], ['cli/main.py'])).toEqual([PYTHON]);
  });

  it('more than 12 › the 12 newest', () => {
    const many = Array.from({ length: 20 }, (_, n) => convention(`Rule ${n}.`, [], n + 1));
    expect(conventionsFor(many, ['a.py']).map((item) => item.rule)).toEqual(
      Array.from({ length: 12 }, (_, n) => `Rule ${19 - n}.`),
    );
  });
});

describe('renderConventions', () => {
  it('one line each, with their paths; a long or multi-line rule › one clipped line', () => {
    const long = convention(`Line one\nline two ${'x'.repeat(400)}`, ['src/**', 'lib/*.ts']);
    const [first, second] = renderConventions([convention('We intentionally return null here.'), long]).split(
      '\n',
    );
    expect(first).toBe('- We intentionally return null here.');
    expect(second).toMatch(/^- Line one line two x+… \(applies to src\/\*\*, lib\/\*\.ts\)$/);
    expect(second?.length).toBeLessThan(300);
  });
});
