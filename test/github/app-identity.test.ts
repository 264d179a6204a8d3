import { describe, expect, it } from 'vitest';
import { appIdentity, isSift } from '../../src/github/app-identity.js';

describe('isSift', () => {
  describe('as the app (`sift-review`)', () => {
    it.each([
      ['the app’s bot in REST (`slug[bot]`)', { login: 'sift-review[bot]', type: 'Bot' }, true],
      ['the app’s bot in GraphQL (`slug`)', { login: 'sift-review', type: 'Bot' }, true],
      ['the same name in another case', { login: 'Sift-Review[bot]', type: 'Bot' }, true],
      ['another app', { login: 'coderabbitai[bot]', type: 'Bot' }, false],
      ['an app whose name starts like Sift’s', { login: 'sift-review-two[bot]', type: 'Bot' }, false],
      ['a person who took the name', { login: 'sift-review', type: 'User' }, false],
      ['a deleted account', null, false],
    ])('%s › %s', (_, author, expected) => {
      expect(isSift(author, appIdentity('sift-review'))).toBe(expected);
    });
  });

  describe('as a workflow’s GITHUB_TOKEN (`github-actions[bot]`)', () => {
    const identity = { login: 'github-actions[bot]', type: 'Bot' } as const;
    it.each([
      ['its bot in REST', { login: 'github-actions[bot]', type: 'Bot' }, true],
      ['its bot in GraphQL', { login: 'github-actions', type: 'Bot' }, true],
      ['the Sift app, installed on the same repository', { login: 'sift-review[bot]', type: 'Bot' }, false],
      ['dependabot', { login: 'dependabot[bot]', type: 'Bot' }, false],
      ['a person', { login: 'octocat', type: 'User' }, false],
    ])('%s › %s', (_, author, expected) => {
      expect(isSift(author, identity)).toBe(expected);
    });
  });

  describe('as a personal token’s user (`sift-bot-account`)', () => {
    const identity = { login: 'sift-bot-account', type: 'User' } as const;
    it.each([
      ['that user', { login: 'sift-bot-account', type: 'User' }, true],
      ['an app whose slug is that name', { login: 'sift-bot-account[bot]', type: 'Bot' }, false],
      ['another person', { login: 'octocat', type: 'User' }, false],
    ])('%s › %s', (_, author, expected) => {
      expect(isSift(author, identity)).toBe(expected);
    });
  });
});
