import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { readFileAtRef } from '../../src/github/read-file-at-ref.js';
import { inventoryFile } from '../review/support/sift-findings.js';
import { GITHUB_API } from '../support/github-nock.js';

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
const octokit = new TestOctokit({ auth: { token: 'test' } });

const HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const read = (path: string) => readFileAtRef(octokit, { owner: 'acme', repo: 'inventory', path, ref: HEAD });

/** The contents endpoint for a path at the head, asked for the raw file. */
const contents = (encodedPath: string) =>
  nock(GITHUB_API, { reqheaders: { accept: 'application/vnd.github.v3.raw' } })
    .get(`/repos/acme/inventory/contents/${encodedPath}`)
    .query({ ref: HEAD });

describe('readFileAtRef', () => {
  it('a text file › exists, with its text', async () => {
    const stock = inventoryFile('head', 'src/stock.ts');
    contents('src%2Fstock.ts').reply(200, stock, { 'content-type': 'text/plain; charset=utf-8' });
    expect(await read('src/stock.ts')).toEqual({ exists: true, text: stock });
    expect(nock.isDone()).toBe(true);
  });

  it('a binary file › exists, without text', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    contents('assets%2Flogo.png').reply(200, png, { 'content-type': 'application/octet-stream' });
    expect(await read('assets/logo.png')).toEqual({ exists: true, text: null });
  });

  it('a file not at that commit (404) › does not exist', async () => {
    contents('src%2Flegacy.ts').reply(404, { message: 'Not Found' });
    expect(await read('src/legacy.ts')).toEqual({ exists: false, text: null });
  });

  it('GitHub fails (500) › the error is thrown, not taken as a deleted file', async () => {
    contents('src%2Fstock.ts').reply(500, { message: 'Server Error' });
    await expect(read('src/stock.ts')).rejects.toMatchObject({ status: 500 });
  });
});
