import { describe, expect, it } from 'vitest';
import { createActionHost } from '../../src/action/create-action-host.js';
import { resolveRepoConfig } from '../../src/config/resolve-repo-config.js';
import type { CheckRunReport, PullRequestHost } from '../../src/review/pull-request-host.js';

const fromFile = resolveRepoConfig({ threshold: 0.9, maxComments: 2 }).config;
const github = {
  readConfig: async () => ({
    config: fromFile,
    problems: [],
    layers: [
      { repository: 'acme/inventory', path: '.github/sift.yml', content: { threshold: 0.9, maxComments: 2 } },
    ],
  }),
  startCheckRun: async () => {
    throw new Error('the Action creates no check run');
  },
  finishCheckRun: async () => {
    throw new Error('the Action creates no check run');
  },
} as unknown as PullRequestHost;

describe('createActionHost', () => {
  it('the step’s threshold › over the file’s, and `/review config` can say where it came from', async () => {
    const host = createActionHost(github, {
      report: () => {},
      overrides: { threshold: 0.5, maxComments: undefined },
      repository: 'acme/inventory',
    });
    const loaded = await host.readConfig('main');
    expect(loaded.config).toMatchObject({ threshold: 0.5, maxComments: 2 });
    expect(loaded.layers[0]).toEqual({
      repository: 'acme/inventory',
      path: 'the workflow step’s inputs',
      content: { threshold: 0.5 },
    });
  });

  it('no inputs › the file as it is', async () => {
    const host = createActionHost(github, { report: () => {}, overrides: {}, repository: 'acme/inventory' });
    expect(await host.readConfig('main')).toEqual(await github.readConfig('main'));
  });

  it('the check run › the workflow job: the report goes to the job summary, nothing to GitHub', async () => {
    const reports: CheckRunReport[] = [];
    const host = createActionHost(github, {
      report: (report) => reports.push(report),
      overrides: {},
      repository: 'acme/inventory',
    });
    const run = await host.startCheckRun('60c8b97');
    await host.finishCheckRun('60c8b97', run, {
      conclusion: 'success',
      title: 'No issues found',
      summary: '…',
    });
    expect(reports).toEqual([{ conclusion: 'success', title: 'No issues found', summary: '…' }]);
  });
});
