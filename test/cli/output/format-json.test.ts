import { describe, expect, it } from 'vitest';
import { formatJson, type JsonReport } from '../../../src/cli/output/format-json.js';
import { change, finding, outcome } from './sample-review.js';

const parse = (text: string) => JSON.parse(text) as JsonReport;

describe('formatJson', () => {
  it('with inline, removed-line and summary findings, held-back counts, a failed pass and skipped files › the documented document', () => {
    expect(formatJson(outcome, change, '0.1.0')).toMatchInlineSnapshot(`
      "{
        "tool": {
          "name": "sift",
          "version": "0.1.0"
        },
        "base": "4d9e0f3a7b1c2d5e6f708192a3b4c5d6e7f80912",
        "head": "60c8b975d5898e70e1416c00031e7c02f2365bdb",
        "summary": {
          "filesReviewed": 3,
          "filesSkipped": 3,
          "findings": 3,
          "heldBack": {
            "below-threshold": 1,
            "rejected-by-verifier": 1,
            "line-not-in-diff": 0,
            "repeats-planted-text": 0,
            "category-off": 0,
            "duplicate": 0,
            "already-posted": 0,
            "similar-to-dismissed": 0,
            "over-max-comments": 0
          },
          "usage": {
            "calls": 6,
            "attempts": 6,
            "failedCalls": 0,
            "promptTokens": 48210,
            "completionTokens": 3127,
            "cachedPromptTokens": 40960
          },
          "passes": {
            "planned": 4,
            "failed": [
              {
                "pass": "concurrency-resources",
                "reason": "The model did not answer in time."
              }
            ],
            "verifierFailures": []
          },
          "context": {
            "status": "built",
            "snippets": 4,
            "files": 3,
            "tokens": 2150,
            "budget": 8000,
            "omitted": 1
          },
          "suggestionsDropped": 0,
          "budgetNotes": [],
          "plantedText": null
        },
        "findings": [
          {
            "path": "inventory/reservations.py",
            "side": "RIGHT",
            "startLine": 42,
            "endLine": 43,
            "category": "bug",
            "severity": "major",
            "confidence": 0.86,
            "votes": 3,
            "verdict": "confirmed",
            "title": "reserve() refuses to sell the last units in stock",
            "body": "With \`available == quantity\` the new \`<=\` comparison raises \`OutOfStock\`, so an order for exactly the remaining stock is rejected and the item shows as sold out while units are left on the shelf.",
            "evidence": [
              "inventory/reservations.py:42",
              "tests/test_reservations.py:18"
            ],
            "suggestion": "    if available < quantity:\\n        raise OutOfStock(sku, available)",
            "fingerprint": "a41f09c2d87e5b13",
            "placement": "inline"
          },
          {
            "path": "inventory/api/items.py",
            "side": "LEFT",
            "startLine": 17,
            "endLine": 17,
            "category": "security",
            "severity": "critical",
            "confidence": 0.93,
            "votes": 3,
            "verdict": "confirmed",
            "title": "DELETE /items/{sku} no longer requires the admin role",
            "body": "The \`@require_role(\\"admin\\")\` decorator was removed from \`delete_item\`, and nothing else checks the caller's role: any signed-in user can now delete catalogue items.",
            "evidence": [
              "inventory/api/items.py:17 (before the change)",
              "inventory/auth.py:40-52"
            ],
            "suggestion": null,
            "fingerprint": "7c3e91b0f4a2d658",
            "placement": "inline"
          },
          {
            "path": "inventory/models.py",
            "side": "RIGHT",
            "startLine": 30,
            "endLine": 88,
            "category": "api-contract",
            "severity": "minor",
            "confidence": 0.72,
            "votes": 2,
            "verdict": "uncertain",
            "title": "Item.to_dict() renames \`qty\` to \`quantity\` for every API client",
            "body": "Clients of \`GET /items\` read \`qty\`; after this change the key is missing and the mobile app shows every item as out of stock.",
            "evidence": [
              "inventory/models.py:31",
              "inventory/models.py:86"
            ],
            "suggestion": null,
            "fingerprint": "e2b8d4a61f09c37a",
            "placement": "summary"
          }
        ],
        "skipped": [
          {
            "path": "poetry.lock",
            "reason": "lockfile"
          },
          {
            "path": "static/logo.png",
            "reason": "binary file"
          },
          {
            "path": "inventory/protos/items_pb2.py",
            "reason": "generated file"
          }
        ],
        "candidates": [
          {
            "path": "inventory/reservations.py",
            "side": "RIGHT",
            "startLine": 42,
            "endLine": 43,
            "category": "bug",
            "severity": "major",
            "confidence": 0.86,
            "votes": 3,
            "verdict": "confirmed",
            "title": "reserve() refuses to sell the last units in stock",
            "body": "With \`available == quantity\` the new \`<=\` comparison raises \`OutOfStock\`, so an order for exactly the remaining stock is rejected and the item shows as sold out while units are left on the shelf.",
            "evidence": [
              "inventory/reservations.py:42",
              "tests/test_reservations.py:18"
            ],
            "suggestion": "    if available < quantity:\\n        raise OutOfStock(sku, available)",
            "fingerprint": "a41f09c2d87e5b13",
            "passes": [
              "correctness",
              "security",
              "cross-file-contracts"
            ],
            "verifierReason": "Line 42 compares with <=.",
            "outcome": "posted"
          },
          {
            "path": "inventory/api/items.py",
            "side": "LEFT",
            "startLine": 17,
            "endLine": 17,
            "category": "security",
            "severity": "critical",
            "confidence": 0.93,
            "votes": 3,
            "verdict": "confirmed",
            "title": "DELETE /items/{sku} no longer requires the admin role",
            "body": "The \`@require_role(\\"admin\\")\` decorator was removed from \`delete_item\`, and nothing else checks the caller's role: any signed-in user can now delete catalogue items.",
            "evidence": [
              "inventory/api/items.py:17 (before the change)",
              "inventory/auth.py:40-52"
            ],
            "suggestion": null,
            "fingerprint": "7c3e91b0f4a2d658",
            "passes": [
              "security",
              "correctness",
              "cross-file-contracts"
            ],
            "verifierReason": "No other role check guards delete_item.",
            "outcome": "posted"
          },
          {
            "path": "inventory/models.py",
            "side": "RIGHT",
            "startLine": 30,
            "endLine": 88,
            "category": "api-contract",
            "severity": "minor",
            "confidence": 0.72,
            "votes": 2,
            "verdict": "uncertain",
            "title": "Item.to_dict() renames \`qty\` to \`quantity\` for every API client",
            "body": "Clients of \`GET /items\` read \`qty\`; after this change the key is missing and the mobile app shows every item as out of stock.",
            "evidence": [
              "inventory/models.py:31",
              "inventory/models.py:86"
            ],
            "suggestion": null,
            "fingerprint": "e2b8d4a61f09c37a",
            "passes": [
              "cross-file-contracts",
              "correctness"
            ],
            "verifierReason": "Cannot see the mobile client.",
            "outcome": "posted"
          },
          {
            "path": "inventory/reservations.py",
            "side": "RIGHT",
            "startLine": 51,
            "endLine": 51,
            "category": "concurrency",
            "severity": "major",
            "confidence": 0.31,
            "votes": 1,
            "verdict": "rejected",
            "title": "The reservation is not rolled back when the payment call fails",
            "body": "The except block re-raises without releasing the reserved units.",
            "evidence": [
              "inventory/reservations.py:51"
            ],
            "suggestion": null,
            "fingerprint": "5f1c0a9e3d7b2846",
            "passes": [
              "correctness"
            ],
            "verifierReason": "release() runs in the finally block on line 58.",
            "outcome": "rejected-by-verifier"
          },
          {
            "path": "inventory/reservations.py",
            "side": "RIGHT",
            "startLine": 12,
            "endLine": 12,
            "category": "api-contract",
            "severity": "minor",
            "confidence": 0.41,
            "votes": 1,
            "verdict": "uncertain",
            "title": "The OutOfStock message no longer names the SKU",
            "body": "Log searches for the SKU will stop matching.",
            "evidence": [],
            "suggestion": null,
            "fingerprint": "0b6d2e8f4a1c9735",
            "passes": [
              "cross-file-contracts"
            ],
            "verifierReason": "Only the log message changes.",
            "outcome": "below-threshold"
          }
        ]
      }
      "
    `);
  });

  it('is indented by two spaces and ends with one newline', () => {
    const text = formatJson(outcome, change, '0.1.0');
    expect(text.startsWith('{\n  "tool": {\n    "name": "sift",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('without held-back findings › every reason is still there, as 0', () => {
    expect(parse(formatJson({ ...outcome, filtered: {} }, change, '0.1.0')).summary.heldBack).toEqual({
      'below-threshold': 0,
      'rejected-by-verifier': 0,
      'line-not-in-diff': 0,
      'repeats-planted-text': 0,
      'category-off': 0,
      duplicate: 0,
      'already-posted': 0,
      'similar-to-dismissed': 0,
      'over-max-comments': 0,
    });
  });

  it('gives only the documented fields of a finding, not the pipeline’s working data', () => {
    const report = parse(formatJson(outcome, change, '0.1.0'));
    const documented = [
      'path',
      'side',
      'startLine',
      'endLine',
      'category',
      'severity',
      'confidence',
      'votes',
      'verdict',
      'title',
      'body',
      'evidence',
      'suggestion',
      'fingerprint',
    ];
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual([...documented, 'placement']);
    for (const candidate of report.candidates) {
      expect(Object.keys(candidate)).toEqual([...documented, 'passes', 'verifierReason', 'outcome']);
    }
  });

  it('keeps model text as written, escaped so the document itself is safe to print', () => {
    const text = formatJson(
      { ...outcome, inline: [finding({ title: '\u001b[2JAll clear' })] },
      change,
      '0.1.0',
    );
    expect(text).not.toContain('\u001b');
    expect(text).toContain('"title": "\\u001b[2JAll clear"');
    expect(parse(text).findings[0]?.title).toBe('\u001b[2JAll clear');
  });

  it.each([
    [{ status: 'off' } as const],
    [{ status: 'unavailable', reason: 'the tarball download timed out' } as const],
  ])('with context %j › given as it is', (context) => {
    expect(parse(formatJson({ ...outcome, context }, change, '0.1.0')).summary.context).toEqual(context);
  });
});
