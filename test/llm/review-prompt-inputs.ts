import { type GitHubChangedFile, parseGitHubFile } from '../../src/diff/parse-github-file.js';
import type { ReviewContext } from '../../src/review/build-context/context-types.js';
import { selectFiles } from '../../src/review/select-files/select-files.js';
import { jsonFixture } from '../support/fixtures.js';

/** The inventory pull request's own account and its reviewable files, as the review stage gets them. */
export function inventoryReviewInputs() {
  const pull = jsonFixture<{ title: string; body: string }>('github/inventory/pulls.get.json');
  const commits = jsonFixture<Array<{ commit: { message: string } }>>(
    'github/inventory/pulls.listCommits.json',
  );
  const listed = jsonFixture<GitHubChangedFile[]>('github/inventory/pulls.listFiles.json');
  const { selected } = selectFiles(listed.map(parseGitHubFile), { paths: { ignore: [] } });
  return {
    change: {
      title: pull.title,
      body: pull.body,
      commitMessages: commits.map((commit) => commit.commit.message),
    },
    files: selected,
  };
}

/** Cross-file context with one caller of a function the inventory change modifies. */
export const CALLER_CONTEXT: ReviewContext = {
  snippets: [
    {
      path: 'src/orders.ts',
      startLine: 40,
      endLine: 42,
      reason: 'caller-of-changed-body',
      symbol: 'reserve',
      score: 10,
      lines: [
        'export function placeOrder(item: Item, count: number) {',
        '  if (!reserve(item, count)) throw new OutOfStock(item);',
        '}',
      ],
    },
  ],
  tokens: 40,
  budget: 8_000,
  omitted: 0,
};
