import { describe, expect, it } from 'vitest';
import { permalink } from '../../../src/review/render/permalink.js';

const change = {
  repository: { owner: 'acme', repo: 'inventory', htmlUrl: 'https://github.com/acme/inventory' },
  base: { ref: 'main', sha: '2adf080edc8fd291d686f9f687c05cd2a3935f5c' },
  head: { ref: 'strict-reserve', sha: '60c8b975d5898e70e1416c00031e7c02f2365bdb' },
};
const HEAD = 'https://github.com/acme/inventory/blob/60c8b975d5898e70e1416c00031e7c02f2365bdb';
const BASE = 'https://github.com/acme/inventory/blob/2adf080edc8fd291d686f9f687c05cd2a3935f5c';

describe('permalink', () => {
  it.each([
    [
      'a RIGHT line › the head commit',
      { path: 'src/stock.ts', side: 'RIGHT', startLine: 6, endLine: 6 },
      `${HEAD}/src/stock.ts#L6`,
    ],
    [
      'a LEFT line › the base commit',
      { path: 'src/stock.ts', side: 'LEFT', startLine: 12, endLine: 12 },
      `${BASE}/src/stock.ts#L12`,
    ],
    [
      'a RIGHT range › L start to L end',
      { path: 'src/stock.ts', side: 'RIGHT', startLine: 6, endLine: 21 },
      `${HEAD}/src/stock.ts#L6-L21`,
    ],
    [
      'a LEFT range',
      { path: 'src/legacy.ts', side: 'LEFT', startLine: 1, endLine: 4 },
      `${BASE}/src/legacy.ts#L1-L4`,
    ],
    [
      'a path with spaces',
      { path: 'docs/Release Notes/2026 Q4.md', side: 'RIGHT', startLine: 3, endLine: 3 },
      `${HEAD}/docs/Release%20Notes/2026%20Q4.md#L3`,
    ],
    [
      'a path with # and ?',
      { path: 'src/c#/what?.cs', side: 'RIGHT', startLine: 1, endLine: 1 },
      `${HEAD}/src/c%23/what%3F.cs#L1`,
    ],
    [
      'a path with non-ASCII',
      { path: 'docs/café.md', side: 'RIGHT', startLine: 2, endLine: 2 },
      `${HEAD}/docs/caf%C3%A9.md#L2`,
    ],
    [
      'a file at the root',
      { path: 'README.md', side: 'RIGHT', startLine: 1, endLine: 1 },
      `${HEAD}/README.md#L1`,
    ],
  ] as const)('%s', (_, location, expected) => {
    expect(permalink(change, location)).toBe(expected);
  });

  it('keeps the slashes between folders', () => {
    expect(permalink(change, { path: 'a/b/c.ts', side: 'RIGHT', startLine: 1, endLine: 1 })).toBe(
      `${HEAD}/a/b/c.ts#L1`,
    );
  });

  it('on GitHub Enterprise Server › built from the repository’s own URL', () => {
    const ghes = {
      ...change,
      repository: { ...change.repository, htmlUrl: 'https://git.acme.corp/platform/inventory' },
    };
    expect(permalink(ghes, { path: 'src/stock.ts', side: 'RIGHT', startLine: 6, endLine: 6 })).toBe(
      'https://git.acme.corp/platform/inventory/blob/60c8b975d5898e70e1416c00031e7c02f2365bdb/src/stock.ts#L6',
    );
  });
});
