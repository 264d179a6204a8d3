import type { Side } from '../../diff/types.js';
import type { ModelUsage } from '../../llm/model-client.js';
import { FILTER_LABELS } from '../../review/render/filter-labels.js';
import type {
  Candidate,
  CandidateOutcome,
  Change,
  ContextReport,
  FilterReason,
  Finding,
  ReviewOutcome,
  SkippedFile,
} from '../../review/types.js';

/** A finding as the JSON report gives it; see {@link formatJson} for what each field means. */
export interface JsonFinding {
  readonly path: string;
  readonly side: Side;
  readonly startLine: number;
  readonly endLine: number;
  readonly category: Finding['category'];
  readonly severity: Finding['severity'];
  readonly confidence: number;
  readonly votes: number;
  readonly verdict: Finding['verdict'];
  readonly title: string;
  readonly body: string;
  readonly evidence: readonly string[];
  readonly suggestion: string | null;
  readonly fingerprint: string;
}

/** The document `sift review --format json` prints; see {@link formatJson}. */
export interface JsonReport {
  readonly tool: { readonly name: 'sift'; readonly version: string };
  readonly base: string;
  readonly head: string;
  readonly summary: {
    readonly filesReviewed: number;
    readonly filesSkipped: number;
    readonly findings: number;
    readonly heldBack: Readonly<Record<FilterReason, number>>;
    readonly usage: ModelUsage;
    readonly passes: {
      readonly planned: number;
      readonly failed: readonly { readonly pass: string; readonly reason: string }[];
      readonly verifierFailures: readonly string[];
    };
    readonly context: ContextReport;
    readonly suggestionsDropped: number;
    readonly budgetNotes: readonly string[];
    readonly plantedText: ReviewOutcome['plantedText'];
  };
  readonly findings: readonly (JsonFinding & { readonly placement: 'inline' | 'summary' })[];
  readonly skipped: readonly SkippedFile[];
  readonly candidates: readonly (JsonFinding & {
    readonly passes: readonly string[];
    readonly verifierReason: string;
    readonly outcome: CandidateOutcome;
  })[];
}

/**
 * The review as JSON for scripts and CI: 2-space indent, a trailing newline, keys always present
 * and always in this order. Text is given as the model wrote it (JSON escapes control characters,
 * so the document itself is safe to print; a consumer printing a field must clean it).
 *
 * ```text
 * {
 *   tool:    { name: "sift", version: string }
 *   base:    string               commit sha the change is compared with
 *   head:    string               commit sha reviewed
 *   summary: {
 *     filesReviewed:      integer
 *     filesSkipped:       integer  (= skipped.length)
 *     findings:           integer  (= findings.length)
 *     heldBack:           { [reason]: integer }  every reason, 0 when none: below-threshold,
 *                         rejected-by-verifier, line-not-in-diff, category-off, duplicate,
 *                         already-posted, similar-to-dismissed (the app's learnings only),
 *                         over-max-comments, repeats-planted-text
 *     usage:              { calls, attempts, failedCalls, promptTokens, completionTokens,
 *                           cachedPromptTokens: integer }  attempts count retries and failures
 *     passes:             { planned: integer, failed: [{ pass: string, reason: string }],
 *                           verifierFailures: [string] }  the review went on without failed passes
 *     context:            { status: "off" }
 *                       | { status: "built", snippets, files, tokens, budget, omitted: integer }
 *                       | { status: "unavailable", reason: string }
 *     suggestionsDropped: integer  suggestions left out because the code would not parse with them
 *     budgetNotes:        [string] what the review budget changed
 *     plantedText:        { where: [string], findings: integer } | null  where the pull request
 *                         addressed AI reviewers, when findings repeated words it planted (left out)
 *   }
 *   findings: [{                   posted findings, inline ones first, in posting order
 *     path:        string          path in the head version, forward slashes
 *     side:        "RIGHT" | "LEFT"  RIGHT: lines of the head version; LEFT: lines of the base
 *                                  version (the finding is about removed lines)
 *     startLine:   integer         1-based, inclusive, in the version `side` names
 *     endLine:     integer         ≥ startLine
 *     category:    "bug" | "security" | "performance" | "concurrency" | "api-contract"
 *                | "maintainability" | "style"
 *     severity:    "critical" | "major" | "minor"
 *     confidence:  number          0–1
 *     votes:       integer         how many review passes reported it
 *     verdict:     "confirmed" | "rejected" | "uncertain" | "unverified"
 *     title:       string          one-line claim (model text, Markdown)
 *     body:        string          reasoning (model text, Markdown)
 *     evidence:    [string]        citations such as "src/a.ts:12"
 *     suggestion:  string | null   replacement for lines startLine–endLine; "" deletes them
 *     fingerprint: string          stable across pushes for the same problem on the same code
 *     placement:   "inline" | "summary"  an inline comment, or listed in the review summary
 *                                  because its lines span more than one hunk
 *   }]
 *   skipped: [{ path: string, reason: string }]   files not reviewed, and why
 *   candidates: [{                 every finding before filtering, whatever became of it
 *     …the finding fields above but placement,
 *     passes:         [string]     the passes that reported it
 *     verifierReason: string
 *     outcome:        "posted" | "rejected-by-verifier" | "below-threshold" | "category-off"
 *                   | "duplicate" | "already-posted" | "similar-to-dismissed" | "over-max-comments"
 *   }]
 * }
 * ```
 *
 * New fields may be added; a field is never renamed or removed without a major version.
 */
export function formatJson(
  outcome: ReviewOutcome,
  change: Pick<Change, 'base' | 'head'>,
  toolVersion: string,
): string {
  const heldBack = Object.fromEntries(
    (Object.keys(FILTER_LABELS) as FilterReason[]).map((reason) => [reason, outcome.filtered[reason] ?? 0]),
  ) as Record<FilterReason, number>;
  const report: JsonReport = {
    tool: { name: 'sift', version: toolVersion },
    base: change.base.sha,
    head: change.head.sha,
    summary: {
      filesReviewed: outcome.reviewedFiles.length,
      filesSkipped: outcome.skippedFiles.length,
      findings: outcome.inline.length + outcome.summaryOnly.length,
      heldBack,
      usage: {
        calls: outcome.usage.calls,
        attempts: outcome.usage.attempts,
        failedCalls: outcome.usage.failedCalls,
        promptTokens: outcome.usage.promptTokens,
        completionTokens: outcome.usage.completionTokens,
        cachedPromptTokens: outcome.usage.cachedPromptTokens,
      },
      passes: {
        planned: outcome.passes.planned,
        failed: outcome.passes.failed.map(({ pass, reason }) => ({ pass, reason })),
        verifierFailures: outcome.verifierFailures,
      },
      context: contextToJson(outcome.context),
      suggestionsDropped: outcome.suggestionsDropped,
      budgetNotes: outcome.budgetNotes,
      plantedText: outcome.plantedText,
    },
    findings: [
      ...outcome.inline.map((finding) => ({ ...toJson(finding), placement: 'inline' as const })),
      ...outcome.summaryOnly.map((finding) => ({ ...toJson(finding), placement: 'summary' as const })),
    ],
    skipped: outcome.skippedFiles.map(({ path, reason }) => ({ path, reason })),
    candidates: outcome.candidates.map((candidate: Candidate) => ({
      ...toJson(candidate.finding),
      passes: candidate.passes,
      verifierReason: candidate.verifierReason,
      outcome: candidate.outcome,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Only the documented fields, in the documented order, whatever else a finding carries. */
function toJson(finding: Finding): JsonFinding {
  return {
    path: finding.path,
    side: finding.side,
    startLine: finding.startLine,
    endLine: finding.endLine,
    category: finding.category,
    severity: finding.severity,
    confidence: finding.confidence,
    votes: finding.votes,
    verdict: finding.verdict,
    title: finding.title,
    body: finding.body,
    evidence: finding.evidence,
    suggestion: finding.suggestion,
    fingerprint: finding.fingerprint,
  };
}

function contextToJson(context: ContextReport): ContextReport {
  switch (context.status) {
    case 'off':
      return { status: 'off' };
    case 'built': {
      const { snippets, files, tokens, budget, omitted } = context;
      return { status: 'built', snippets, files, tokens, budget, omitted };
    }
    case 'unavailable':
      return { status: 'unavailable', reason: context.reason };
  }
}
