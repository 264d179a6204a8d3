import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeYamlError } from '../../src/config/describe-yaml-error.js';

function parseError(text: string): unknown {
  try {
    parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('expected the YAML not to parse');
}

describe('describeYamlError', () => {
  it.each([
    [
      'a value on the same line as a nested key',
      'threshold: 0.8\nautoReview: drafts: true\n',
      { line: 2, column: 13, message: 'invalid YAML: Nested mappings are not allowed in compact mappings' },
    ],
    [
      'a list left open',
      'paths:\n  ignore: ["docs/**", "**/*.snap"\nmaxComments: 3\n',
      {
        line: 3,
        column: 1,
        message:
          'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ],
    [
      'a key given twice',
      'maxComments: 3\nthreshold: 0.8\nmaxComments: 5\n',
      { line: 3, column: 1, message: 'invalid YAML: Map keys must be unique' },
    ],
    [
      'a tab as indentation',
      'autoReview:\n\tdrafts: true\n',
      { line: 2, column: 1, message: 'invalid YAML: Tabs are not allowed as indentation' },
    ],
  ])('%s › the line, the column and the parser’s reason without its drawing', (_, text, expected) => {
    expect(describeYamlError(parseError(text), '.github/sift.yml')).toEqual({
      key: '',
      file: '.github/sift.yml',
      ...expected,
    });
  });

  it('an error without a position › the message alone, line unknown', () => {
    expect(describeYamlError(new Error('Excessive alias count\nmore'), 'acme/app:.github/sift.yml')).toEqual({
      key: '',
      file: 'acme/app:.github/sift.yml',
      line: null,
      message: 'invalid YAML: Excessive alias count',
    });
  });
});
