/**
 * What Sift keeps to learn from a team's feedback, one repository of one installation at a time.
 * The store persists these records; the functions beside this file turn them into what a review
 * uses (judged findings, calibrated thresholds, conventions) and what `/review learnings` shows.
 */

/** Where learnings live and apply: one repository (`owner/repo`) of one installation. */
export interface LearningScope {
  readonly installationId: number;
  readonly repository: string;
}

/**
 * Whose feedback a signal is, which decides how much it teaches the repository (signalWeight):
 * someone with write access who is not the pull request's author, the author with write access,
 * or the author without it (on a public repository, anyone).
 */
export type SignalRole = 'reviewer' | 'author-writer' | 'author';

/**
 * What people did with a posted finding. Against it: 👎, its thread resolved by a person while
 * its code stayed (dismissed), a reply the model agreed disputed it. For it: 👍, its code changed
 * before the pull request closed (fixed).
 */
export type SignalKind = 'thumbs-down' | 'dismissed' | 'disputed' | 'thumbs-up' | 'fixed';

export const NEGATIVE_SIGNALS: ReadonlySet<SignalKind> = new Set(['thumbs-down', 'dismissed', 'disputed']);

/** A posted finding as learnings compare it: what it claimed, about what kind of code, where. */
export interface FindingTraits {
  readonly fingerprint: string;
  readonly path: string;
  readonly category: string;
  readonly title: string;
  /** Title and body, clipped: what claimSimilarity compares. */
  readonly claim: string;
  /** The kind of definition it sat in (`function`, `method`, `class`…); null outside one or unparsed. */
  readonly symbolKind: string | null;
  readonly language: string | null;
  /** Its folder and extension (`src/api/*.ts`), shown to people and used to scope what they see. */
  readonly pathPattern: string;
  /** Its code with names and literals abstracted away (codeShape). */
  readonly shape: string;
}

export interface FeedbackSignal {
  readonly pullNumber: number;
  readonly kind: SignalKind;
  /** The person's login; for `fixed`, the pull request's author. */
  readonly by: string;
  readonly role: SignalRole;
  /** When Sift first saw it (ms); seeing it again keeps the first time. */
  readonly at: number;
  readonly finding: FindingTraits;
}

/** A repository convention a person stated in a reply, as the model distilled it. */
export interface Convention {
  readonly id: string;
  /** One sentence, model-written from the reply: sanitised when shown, fenced as data in prompts. */
  readonly rule: string;
  /** Globs of the paths it applies to; empty: the whole repository. */
  readonly paths: readonly string[];
  readonly pullNumber: number;
  /** The reply it was distilled from, and its address on the web when known. */
  readonly commentId: number;
  readonly url: string | null;
  readonly by: string;
  readonly at: number;
}

/** Everything the store holds for one repository's learnings. */
export interface RepositoryLearnings {
  readonly signals: readonly FeedbackSignal[];
  readonly conventions: readonly Convention[];
  /** Learning ids people told Sift to forget, with when: evidence from before then no longer counts. */
  readonly forgotten: ReadonlyMap<string, number>;
}
