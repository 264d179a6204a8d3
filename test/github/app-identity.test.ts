import { describe, expect, it } from 'vitest';
import { isThisApp } from '../../src/github/app-identity.js';

describe('isThisApp', () => {
  it.each([
    ['the app’s bot in REST (`slug[bot]`)', { login: 'sift-review[bot]', type: 'Bot' }, true],
    ['the app’s bot in GraphQL (`slug`)', { login: 'sift-review', type: 'Bot' }, true],
    ['the same name in another case', { login: 'Sift-Review[bot]', type: 'Bot' }, true],
    ['another app', { login: 'coderabbitai[bot]', type: 'Bot' }, false],
    ['an app whose name starts like Sift’s', { login: 'sift-review-two[bot]', type: 'Bot' }, false],
    ['a person who took the name', { login: 'sift-review', type: 'User' }, false],
    ['a deleted account', null, false],
  ])('%s › %s', (_, author, expected) => {
    expect(isThisApp(author, 'sift-review')).toBe(expected);
  });
});
