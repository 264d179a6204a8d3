import type { DiffFile } from '../../../src/diff/types.js';
import type { Change, Finding, ReviewOutcome } from '../../../src/review/types.js';

/**
 * A review of a change to a Python inventory service: a comparison flipped from `<` to `<=`, an
 * admin check removed from a delete endpoint, and a renamed JSON field that spans two hunks.
 */
const file = (path: string, overrides: Partial<DiffFile> = {}): DiffFile => ({
  path,
  previousPath: null,
  status: 'modified',
  patchState: 'present',
  hunks: [],
  additions: 4,
  deletions: 2,
  ...overrides,
});

export const change: Change = {
  repository: { owner: 'acme', repo: 'inventory', htmlUrl: 'https://github.com/acme/inventory' },
  title: 'Reserve stock atomically',
  body: '',
  base: { ref: 'main', sha: '4d9e0f3a7b1c2d5e6f708192a3b4c5d6e7f80912' },
  head: { ref: 'reserve-atomically', sha: '60c8b975d5898e70e1416c00031e7c02f2365bdb' },
  commitMessages: ['Reserve stock atomically'],
  files: [
    file('inventory/reservations.py'),
    file('inventory/api/items.py'),
    file('inventory/models.py', { previousPath: 'inventory/model.py', status: 'renamed' }),
    file('poetry.lock'),
    file('static/logo.png', { patchState: 'binary' }),
    file('inventory/protos/items_pb2.py'),
  ],
};

export const finding = (overrides: Partial<Finding> = {}): Finding => ({
  pass: 'correctness',
  path: 'inventory/reservations.py',
  side: 'RIGHT',
  startLine: 42,
  endLine: 43,
  withinOneHunk: true,
  code: ['    if available <= quantity:', '        raise OutOfStock(sku, available)'],
  symbol: null,
  category: 'bug',
  severity: 'major',
  title: 'reserve() refuses to sell the last units in stock',
  body: 'With `available == quantity` the new `<=` comparison raises `OutOfStock`, so an order for exactly the remaining stock is rejected and the item shows as sold out while units are left on the shelf.',
  evidence: ['inventory/reservations.py:42', 'tests/test_reservations.py:18'],
  suggestion: '    if available < quantity:\n        raise OutOfStock(sku, available)',
  fingerprint: 'a41f09c2d87e5b13',
  confidence: 0.86,
  votes: 3,
  verdict: 'confirmed',
  ...overrides,
});

export const removedAdminCheck = finding({
  pass: 'security',
  path: 'inventory/api/items.py',
  side: 'LEFT',
  startLine: 17,
  endLine: 17,
  code: ['@require_role("admin")'],
  symbol: null,
  category: 'security',
  severity: 'critical',
  title: 'DELETE /items/{sku} no longer requires the admin role',
  body: 'The `@require_role("admin")` decorator was removed from `delete_item`, and nothing else checks the caller\'s role: any signed-in user can now delete catalogue items.',
  evidence: ['inventory/api/items.py:17 (before the change)', 'inventory/auth.py:40-52'],
  suggestion: null,
  fingerprint: '7c3e91b0f4a2d658',
  confidence: 0.93,
  votes: 3,
});

export const renamedField = finding({
  pass: 'cross-file-contracts',
  path: 'inventory/models.py',
  startLine: 30,
  endLine: 88,
  withinOneHunk: false,
  code: [],
  symbol: null,
  category: 'api-contract',
  severity: 'minor',
  title: 'Item.to_dict() renames `qty` to `quantity` for every API client',
  body: 'Clients of `GET /items` read `qty`; after this change the key is missing and the mobile app shows every item as out of stock.',
  evidence: ['inventory/models.py:31', 'inventory/models.py:86'],
  suggestion: null,
  fingerprint: 'e2b8d4a61f09c37a',
  confidence: 0.72,
  votes: 2,
  verdict: 'uncertain',
});

const rejected = finding({
  pass: 'correctness',
  startLine: 51,
  endLine: 51,
  category: 'concurrency',
  title: 'The reservation is not rolled back when the payment call fails',
  body: 'The except block re-raises without releasing the reserved units.',
  evidence: ['inventory/reservations.py:51'],
  suggestion: null,
  fingerprint: '5f1c0a9e3d7b2846',
  confidence: 0.31,
  votes: 1,
  verdict: 'rejected',
});

const weakNaming = finding({
  pass: 'cross-file-contracts',
  startLine: 12,
  endLine: 12,
  category: 'api-contract',
  severity: 'minor',
  title: 'The OutOfStock message no longer names the SKU',
  body: 'Log searches for the SKU will stop matching.',
  evidence: [],
  suggestion: null,
  fingerprint: '0b6d2e8f4a1c9735',
  confidence: 0.41,
  votes: 1,
  verdict: 'uncertain',
});

export const outcome: ReviewOutcome = {
  reviewedFiles: change.files.slice(0, 3).map((reviewed, index) => ({ id: `F${index + 1}`, file: reviewed })),
  skippedFiles: [
    { path: 'poetry.lock', reason: 'lockfile' },
    { path: 'static/logo.png', reason: 'binary file' },
    { path: 'inventory/protos/items_pb2.py', reason: 'generated file' },
  ],
  inline: [finding(), removedAdminCheck],
  summaryOnly: [renamedField],
  filtered: { 'rejected-by-verifier': 1, 'below-threshold': 1 },
  usage: {
    calls: 6,
    attempts: 6,
    failedCalls: 0,
    promptTokens: 48_210,
    completionTokens: 3_127,
    cachedPromptTokens: 40_960,
  },
  context: { status: 'built', snippets: 4, files: 3, tokens: 2_150, budget: 8_000, omitted: 1 },
  suggestionsDropped: 0,
  candidates: [
    {
      finding: finding(),
      passes: ['correctness', 'security', 'cross-file-contracts'],
      verifierReason: 'Line 42 compares with <=.',
      outcome: 'posted',
    },
    {
      finding: removedAdminCheck,
      passes: ['security', 'correctness', 'cross-file-contracts'],
      verifierReason: 'No other role check guards delete_item.',
      outcome: 'posted',
    },
    {
      finding: renamedField,
      passes: ['cross-file-contracts', 'correctness'],
      verifierReason: 'Cannot see the mobile client.',
      outcome: 'posted',
    },
    {
      finding: rejected,
      passes: ['correctness'],
      verifierReason: 'release() runs in the finally block on line 58.',
      outcome: 'rejected-by-verifier',
    },
    {
      finding: weakNaming,
      passes: ['cross-file-contracts'],
      verifierReason: 'Only the log message changes.',
      outcome: 'below-threshold',
    },
  ],
  passes: {
    planned: 4,
    failed: [{ pass: 'concurrency-resources', reason: 'The model did not answer in time.' }],
  },
  verifierFailures: [],
  budgetNotes: [],
  plantedText: null,
  learned: null,
};
