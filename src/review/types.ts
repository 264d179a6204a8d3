import type { Category } from '../config/repo-config-schema.js';

export type { Category };

import type { DiffFile, Side } from '../diff/types.js';
import type { ModelUsage } from '../llm/model-client.js';

/** What the verifier concluded; `unverified` when it could not be asked or did not answer for a cluster. */
export type Verdict = 'confirmed' | 'rejected' | 'uncertain' | 'unverified';

export type Severity = 'critical' | 'major' | 'minor';

/** Where the reviewed change lives, for links and API calls. */
export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
  /** `https://github.com/owner/repo`, or the GitHub Enterprise Server equivalent. */
  readonly htmlUrl: string;
  /** Whether the repository is private; unknown (a local checkout) counts as not. */
  readonly private?: boolean | undefined;
}

/** A change to review, from a pull request (app), two local commits (CLI) or a case bundle (eval). */
export interface Change {
  readonly repository: RepositoryRef;
  readonly title: string;
  readonly body: string;
  readonly base: { readonly ref: string; readonly sha: string };
  readonly head: { readonly ref: string; readonly sha: string };
  readonly commitMessages: readonly string[];
  readonly files: readonly DiffFile[];
}

export interface PullRequestChange extends Change {
  readonly number: number;
  readonly author: { readonly login: string; readonly isBot: boolean };
  readonly draft: boolean;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
  readonly labels: readonly string[];
  /** How many files GitHub says changed; more than `files.length` when its listing was capped. */
  readonly changedFileCount: number;
}

/** What part of a pull request a review covers. */
export type ReviewScope =
  /** Automatic: new commits since the last review when there was one, else everything. */
  | { readonly kind: 'auto' }
  /** `/review`: what changed since the last review. */
  | { readonly kind: 'new' }
  /** `/review full`: the whole pull request. */
  | { readonly kind: 'full' }
  /** `/review <glob>`: the files matching it. */
  | { readonly kind: 'paths'; readonly glob: string };

/** A file that goes to the model, with the short id its lines are labelled with. */
export interface ReviewFile {
  readonly id: string;
  readonly file: DiffFile;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/** A finding as a model proposed it, pointing at the diff through line ids. */
export interface ProposedFinding {
  readonly pass: string;
  readonly startLineId: string;
  readonly endLineId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly title: string;
  readonly body: string;
  readonly evidence: readonly string[];
  readonly suggestion: string | null;
}

/** A finding whose line ids were resolved to a file, a side and a line range of the diff. */
export interface LocatedFinding extends Omit<ProposedFinding, 'startLineId' | 'endLineId'> {
  readonly path: string;
  readonly side: Side;
  readonly startLine: number;
  readonly endLine: number;
  /** True when start and end fall in one hunk, so GitHub accepts the range as one comment. */
  readonly withinOneHunk: boolean;
  /** The diff lines the finding covers, as text; the basis of its fingerprint. */
  readonly code: readonly string[];
  /** The innermost definition around it in the version it points at, when the language is parsed. */
  readonly symbol: string | null;
  /** What kind of definition that is (`function`, `method`, `class`…), for learnings to compare. */
  readonly symbolKind?: string | null | undefined;
}

export interface Finding extends LocatedFinding {
  /** Stable across pushes: the same problem on the same code has the same fingerprint. */
  readonly fingerprint: string;
  /** 0–1, computed from agreement, verification and severity (score-findings/compute-confidence.ts). */
  readonly confidence: number;
  /** How many review passes reported it. */
  readonly votes: number;
  readonly verdict: Verdict;
}

/** What became of a finding; every candidate of a review has exactly one outcome. */
export type CandidateOutcome =
  | 'posted'
  | 'rejected-by-verifier'
  | 'below-threshold'
  | 'category-off'
  | 'duplicate'
  | 'already-posted'
  | 'similar-to-dismissed'
  | 'over-max-comments';

/** A finding before filtering, with everything that decided its fate (for the eval harness and logs). */
export interface Candidate {
  readonly finding: Finding;
  /** The passes that reported it. */
  readonly passes: readonly string[];
  readonly verifierReason: string;
  readonly outcome: CandidateOutcome;
  /** The rejected findings of earlier pull requests it resembles, when learnings weighed it. */
  readonly dismissedLike?: readonly LearningRef[] | undefined;
}

/** A learning a finding was weighed against: its id, and the pull request its evidence is from. */
export interface LearningRef {
  readonly id: string;
  readonly pullNumber: number;
}

/** What the repository's learnings changed in a review, for the check run. */
export interface LearnedReport {
  /** The repository on the web, to link the pull requests the evidence comes from. */
  readonly repositoryUrl: string;
  /** Findings held back because findings like them were dismissed (or their lowered confidence fell short). */
  readonly heldBack: ReadonlyArray<{
    readonly title: string;
    readonly path: string;
    readonly line: number;
    readonly dismissedLike: readonly LearningRef[];
  }>;
  /** Findings posted with a confidence lowered by the evidence. */
  readonly lowered: number;
  /** Categories whose threshold the repository's outcomes moved. */
  readonly thresholds: ReadonlyArray<{
    readonly category: string;
    readonly configured: number;
    readonly threshold: number;
    readonly outcomes: number;
  }>;
  /** Conventions the team stated that the passes were given. */
  readonly conventions: number;
}

/** Why findings were held back; each count is reported on the check run. */
export type FilterReason = Exclude<CandidateOutcome, 'posted'> | 'line-not-in-diff' | 'repeats-planted-text';

/** What cross-file context the review had, for the check run. */
export type ContextReport =
  | { readonly status: 'off' }
  | {
      readonly status: 'built';
      readonly snippets: number;
      readonly files: number;
      readonly tokens: number;
      readonly budget: number;
      readonly omitted: number;
    }
  | { readonly status: 'unavailable'; readonly reason: string };

export interface ReviewOutcome {
  readonly reviewedFiles: readonly ReviewFile[];
  readonly skippedFiles: readonly SkippedFile[];
  /** Findings with a diff line to sit on, in posting order. */
  readonly inline: readonly Finding[];
  /** Findings kept but not anchorable inline; listed in the review summary with a permalink. */
  readonly summaryOnly: readonly Finding[];
  readonly filtered: Readonly<Partial<Record<FilterReason, number>>>;
  readonly usage: ModelUsage;
  readonly context: ContextReport;
  /** Suggestions removed because the code would not parse with them applied. */
  readonly suggestionsDropped: number;
  /** Every finding before filtering, with votes, verdict, confidence and fate. */
  readonly candidates: readonly Candidate[];
  /** Passes run, and those that failed (the review went on without them). */
  readonly passes: { readonly planned: number; readonly failed: readonly { pass: string; reason: string }[] };
  /** Why some findings went unverified, when the verifier failed. */
  readonly verifierFailures: readonly string[];
  /** What the review budget changed, for the check run. */
  readonly budgetNotes: readonly string[];
  /**
   * Where the pull request addressed an AI reviewer, when findings repeated words it planted
   * (left out of them); null when no finding did.
   */
  readonly plantedText: { readonly where: readonly string[]; readonly findings: number } | null;
  /** Files left out because the pull request is larger than the size limit it was reviewed under (a plan's). */
  readonly leftOutBySize?: number | undefined;
  /** What the repository's learnings changed; null when there were none to apply (or learning is off). */
  readonly learned: LearnedReport | null;
}

/** What Sift leaves hidden in a finding's comment, to know it again on a later push. */
export interface FindingMarker {
  readonly fingerprint: string;
  /** Hash of the normalised code the finding pointed at, and its line count: to tell when it changed. */
  readonly span?: string | undefined;
  readonly lines?: number | undefined;
  readonly category?: string | undefined;
  readonly severity?: Severity | undefined;
  readonly side?: Side | undefined;
  readonly head?: string | undefined;
}

/** A finding Sift posted on a pull request, with the state of its thread. */
export interface PostedFinding {
  readonly marker: FindingMarker;
  /** The host's id of the review thread (to resolve it) and of Sift's comment (to reply). */
  readonly threadId: string;
  readonly commentId: number;
  readonly path: string;
  readonly title: string;
  /** The claim: the comment's explanation, without title, evidence, suggestion or marker. */
  readonly body: string;
  readonly isResolved: boolean;
  /** Who resolved the thread; null when unresolved or when the host does not say. */
  readonly resolvedBy: string | null;
  /** The people who reacted 👎 to Sift's comment. */
  readonly thumbsDownBy: readonly string[];
  /** The people who reacted 👍 to it. */
  readonly thumbsUpBy: readonly string[];
  /** The thread's comments after Sift's, oldest first. */
  readonly replies: ReadonlyArray<{
    readonly author: string;
    readonly isBot: boolean;
    readonly body: string;
    readonly id: number;
  }>;
}
