import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRepoConfig } from '../../src/github/load-repo-config.js';
import type { Octokit } from '../../src/github/octokit.js';
import { nockRepoConfig } from '../support/github-nock.js';

const TARGET = { owner: 'acme', repo: 'inventory', ref: 'main' };

/** An installation client as Probot builds it (with the config plugin), retries and throttling off. */
function testOctokit(): Octokit {
  const Client = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  }));
  return new Client({ auth: { token: 'ghs_test' } }) as Octokit;
}

afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
});

describe('loadRepoConfig', () => {
  it('a .github/sift.yml with a YAML syntax error › the file as owner/repo:path with line and column, no API URL', async () => {
    nockRepoConfig('threshold: 0.8\nautoReview: drafts: true\n');

    const loaded = await loadRepoConfig(testOctokit(), TARGET);

    expect(loaded.problems).toEqual([
      {
        key: '',
        message: 'invalid YAML: Nested mappings are not allowed in compact mappings',
        file: 'acme/inventory:.github/sift.yml',
        line: 2,
        column: 13,
      },
    ]);
    expect(loaded.config.threshold).toBe(0.7);
  });

  it('a .github/sift.yml that is a plain string › says so of owner/repo:path, no API URL', async () => {
    nockRepoConfig('just some words\n');

    const loaded = await loadRepoConfig(testOctokit(), TARGET);

    expect(loaded.problems).toEqual([
      {
        key: '',
        message:
          'Configuration could not be parsed from acme/inventory:.github/sift.yml (YAML is not an object)',
        file: 'acme/inventory:.github/sift.yml',
        line: null,
      },
    ]);
  });
});
