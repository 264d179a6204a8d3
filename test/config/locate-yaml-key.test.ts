import { describe, expect, it } from 'vitest';
import { locateYamlKey } from '../../src/config/locate-yaml-key.js';

const SIFT_YML = `# Sift settings for acme/inventory
_extends: .github

maxComments: 3
categories:
  - bug
  - nitpicks
autoReview:
  drafts: yes
  skipLabels:
    - wip
"paths":
  ignore: ["docs/**"]
`;

describe('locateYamlKey', () => {
  it.each([
    ['a top-level key', 'maxComments', 4],
    ['a top-level key holding a list', 'categories', 5],
    ['a top-level mapping', 'autoReview', 8],
    ['a nested key', 'autoReview.drafts', 9],
    ['a nested key holding a list', 'autoReview.skipLabels', 10],
    ['a quoted key', 'paths', 12],
    ['a key nested under a quoted key', 'paths.ignore', 13],
  ])('%s › its own line', (_, key, line) => {
    expect(locateYamlKey(SIFT_YML, key)).toBe(line);
  });

  it.each([
    ['a missing nested key', 'autoReview.bots', 8],
    ['a key below a list item', 'autoReview.skipLabels.0', 10],
    ['a key below a scalar', 'maxComments.limit', 4],
    ['a missing key two levels down', 'autoReview.nested.deeper', 8],
  ])('%s › the line of the nearest existing parent', (_, key, line) => {
    expect(locateYamlKey(SIFT_YML, key)).toBe(line);
  });

  it.each([
    ['a missing top-level key', SIFT_YML, 'instructions'],
    ['the whole file (empty key)', SIFT_YML, ''],
    ['an empty file', '', 'maxComments'],
    ['a file that is a list', '- maxComments: 3\n', 'maxComments'],
  ])('%s › null, as there is no line to point at', (_, text, key) => {
    expect(locateYamlKey(text, key)).toBeNull();
  });

  it.each([
    ['an unclosed flow sequence', 'categories: [bug, security\nmaxComments: 3\n'],
    ['a tab-indented mapping', 'autoReview:\n\tdrafts: true\n'],
    ['a duplicated key', 'maxComments: 3\nmaxComments: 4\n'],
  ])('invalid YAML (%s) › null', (_, text) => {
    expect(locateYamlKey(text, 'maxComments')).toBeNull();
  });

  it('counts lines after CRLF line endings the same way', () => {
    expect(locateYamlKey(SIFT_YML.replace(/\n/g, '\r\n'), 'autoReview.drafts')).toBe(9);
  });
});
