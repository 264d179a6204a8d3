import { describe, expect, it } from 'vitest';
import { formatConfigProblem } from '../../src/cli/format-config-problem.js';
import type { LocatedConfigProblem } from '../../src/config/loaded-repo-config.js';

describe('formatConfigProblem', () => {
  it.each<[string, LocatedConfigProblem, string]>([
    [
      'a key with its line',
      { key: 'maxComment', message: 'is not a Sift setting', file: '.github/sift.yml', line: 4 },
      '.github/sift.yml:4: `maxComment` is not a Sift setting',
    ],
    [
      'a YAML syntax error',
      {
        key: '',
        message: 'invalid YAML: Map keys must be unique',
        file: '.github/sift.yml',
        line: 3,
        column: 1,
      },
      '.github/sift.yml:3:1: invalid YAML: Map keys must be unique',
    ],
    [
      'the whole file, with no line',
      { key: '', message: 'must be a YAML mapping of keys to values', file: '/repo/sift.yml', line: null },
      '/repo/sift.yml: must be a YAML mapping of keys to values',
    ],
    [
      'the whole file, not located',
      { key: '', message: 'invalid YAML: Excessive alias count', file: null, line: null },
      '.github/sift.yml: invalid YAML: Excessive alias count',
    ],
  ])('%s › %s', (_, problem, text) => {
    expect(formatConfigProblem(problem)).toBe(text);
    expect(formatConfigProblem(problem)).not.toContain('the file');
  });
});
