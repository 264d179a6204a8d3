import { describe, expect, it } from 'vitest';
import { repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { createSymbolCaches } from '../../src/context/symbol-index.js';
import { parseGitHubFile } from '../../src/diff/parse-github-file.js';
import { renderSnippet } from '../../src/review/build-context/render-context.js';
import { reviewChange } from '../../src/review/review-change.js';
import type { Change } from '../../src/review/types.js';
import { createScriptedModel } from '../support/scripted-model.js';

// The example of the Trojan Source paper (CVE-2021-42574): an editor shows the `if` as code after
// the comment, the compiler sees it all as comment, so the admin check never runs.
const TROJAN = '    /*\u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */';
const SHOWN = '    /*<U+202E> } <U+2066>if (isAdmin)<U+2069> <U+2066> begin admins only */';

const patch = [
  '@@ -1,4 +1,6 @@',
  ' export function deleteAccount(user: User, target: Account): void {',
  TROJAN.replace(/^/, '+'),
  '     target.delete();',
  '+    /* end admins only \u202E { \u2066*/',
  ' }',
  ' ',
].join('\n');

const change: Change = {
  repository: { owner: 'acme', repo: 'accounts', htmlUrl: 'https://github.com/acme/accounts' },
  title: 'Only admins delete accounts',
  body: '',
  base: { ref: 'main', sha: '2adf080edc8fd291d686f9f687c05cd2a3935f5c' },
  head: { ref: 'admins', sha: '60c8b975d5898e70e1416c00031e7c02f2365bdb' },
  commitMessages: ['Only admins delete accounts'],
  files: [
    parseGitHubFile({
      filename: 'src/accounts.ts',
      status: 'modified',
      additions: 2,
      deletions: 0,
      changes: 2,
      patch,
    }),
  ],
};

describe('Trojan Source in a pull request', () => {
  it('reaches the model with every bidirectional control shown where it sits', async () => {
    const model = createScriptedModel({ review: () => [] });
    await reviewChange(change, repoConfigSchema.parse({ context: { tokenBudget: 0 } }), {
      model,
      caches: createSymbolCaches(),
    });

    const prompt = model.requests[0]?.messages.map((message) => message.content).join('\n') ?? '';
    expect(prompt).toContain(`F1:R2 |+${SHOWN}`);
    expect(prompt).toContain('F1:R4 |+    /* end admins only <U+202E> { <U+2066>*/');
    expect(prompt).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('in a context snippet › shown the same way', () => {
    const snippet = renderSnippet({
      path: 'src/roles.ts',
      startLine: 10,
      endLine: 11,
      reason: 'definition-used',
      symbol: 'isAdmin',
      score: 1,
      lines: ['export function isAdmin(user: User): boolean {', TROJAN],
    });
    expect(snippet.split('\n')[2]).toBe(`11| ${SHOWN}`);
  });
});
