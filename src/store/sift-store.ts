import type { AccountPurchase } from '../plans/account-purchase.js';
import type {
  Convention,
  FeedbackSignal,
  FindingTraits,
  LearningScope,
  RepositoryLearnings,
} from '../review/learnings/learning-types.js';

/** `owner/repo`: how the store keys what it keeps per repository. */
export function repositoryKey(where: { readonly owner: string; readonly repo: string }): string {
  return `${where.owner}/${where.repo}`;
}

/** `owner/repo#123`: how the store, the queue and the logs name a pull request. */
export function pullKey(where: {
  readonly owner: string;
  readonly repo: string;
  readonly pullNumber: number;
}): string {
  return `${repositoryKey(where)}#${where.pullNumber}`;
}

/** What became of a posted finding by the time its pull request closed. */
export type FindingFate = 'fixed' | 'dismissed' | 'open';

export interface FindingOutcome {
  readonly fingerprint: string;
  readonly path: string;
  readonly category: string;
  readonly fate: FindingFate;
}

export interface Feedback {
  readonly fingerprint: string;
  readonly kind: 'disputed' | 'thumbs-down';
  readonly user: string;
  readonly text: string;
}

/** Model tokens an installation spent in the current UTC day and month. */
export interface InstallationSpend {
  readonly day: number;
  readonly month: number;
}

/** The UTC day (`2026-12-03`) and month (`2026-12`) a moment falls in: the periods spend is counted by. */
export function spendPeriods(at: number): { readonly day: string; readonly month: string } {
  const day = new Date(at).toISOString().slice(0, 10);
  return { day, month: day.slice(0, 7) };
}

/** What Sift knows of an installation of the app: the account it is on, and whether it is suspended. */
export interface InstallationRecord {
  readonly id: number;
  readonly account: { readonly id: number; readonly login: string };
  readonly suspended: boolean;
}

/** What deleting an installation removed, for the log line that says so. */
export interface ForgottenInstallation {
  /** Repositories whose pull requests' state (heads, feedback, outcomes, cooldowns) was deleted. */
  readonly repositories: number;
  /** Jobs of the installation crossed out of the journal. */
  readonly journaledJobs: number;
}

export interface RepositoryStats {
  /** Pull requests whose outcomes were recorded. */
  readonly pullRequests: number;
  readonly posted: number;
  readonly fixed: number;
  readonly dismissed: number;
  readonly open: number;
  readonly disputes: number;
}

/**
 * The state Sift keeps between webhooks: deliveries already handled, command rate limits,
 * feedback on findings, the outcome of every posted finding, what each installation spent on
 * the model and how many reviews it ran, its installations and the Marketplace purchases of their
 * accounts, and what Sift learned from each repository's feedback. Everything but delivery ids
 * (which name nobody) belongs to an installation and leaves with it (`forgetInstallation`). In
 * memory for tests; SQLite by default; Redis when processes share it.
 */
export interface SiftStore extends LearningStore {
  /** Records a webhook delivery; false when it was seen before (a redelivery). */
  firstDelivery(deliveryId: string): Promise<boolean>;
  /** The head commit Sift last reviewed on a pull request, whether or not it posted a review for it. */
  lastReviewedHead(pullKey: string): Promise<string | null>;
  setLastReviewedHead(pullKey: string, head: string): Promise<void>;
  /** Takes the pull request's command slot; false when the last one was taken under `cooldownMs` ago. */
  takeCommandSlot(pullKey: string, cooldownMs: number, now: number): Promise<boolean>;
  recordFeedback(repositoryKey: string, pullNumber: number, feedback: Feedback): Promise<void>;
  /** Fingerprints people disputed on this pull request: never raised on it again. */
  disputedFingerprints(repositoryKey: string, pullNumber: number): Promise<ReadonlySet<string>>;
  /** Records the outcomes of a closed pull request, replacing an earlier record of it. */
  recordOutcomes(
    repositoryKey: string,
    pullNumber: number,
    outcomes: readonly FindingOutcome[],
  ): Promise<void>;
  repositoryStats(repositoryKey: string): Promise<RepositoryStats>;
  /** Adds model tokens an installation actually spent (every attempt, failed ones included) at `at`. */
  addSpend(installationId: number, tokens: number, at: number): Promise<void>;
  /** What the installation spent in the UTC day and month of `at`. */
  spendOf(installationId: number, at: number): Promise<InstallationSpend>;
  /** Counts one review of the installation, in the UTC month of `at`. */
  addReview(installationId: number, at: number): Promise<void>;
  /** Reviews the installation ran in the UTC month of `at`. */
  reviewsOf(installationId: number, at: number): Promise<number>;
  installation(installationId: number): Promise<InstallationRecord | null>;
  saveInstallation(record: InstallationRecord): Promise<void>;
  /** Notes that a repository's state belongs to an installation, so it is deleted with it. */
  addInstallationRepository(installationId: number, repositoryKey: string): Promise<void>;
  /** Deletes what Sift kept about one repository of an installation (removed from it). */
  forgetRepository(installationId: number, repositoryKey: string): Promise<void>;
  /**
   * Deletes everything kept for an installation: its record, its own model key, its account's purchase, its
   * repositories' pull request state, feedback and outcomes, its spend and review counts, and its
   * jobs in the journal. `accountId` names the account whose purchase goes too (the webhook says
   * it); null: the account the installation's record names, if any.
   */
  forgetInstallation(installationId: number, accountId: number | null): Promise<ForgottenInstallation>;
  /** What the installation's account bought on the Marketplace, as last heard; null: never heard. */
  purchase(accountId: number): Promise<AccountPurchase | null>;
  savePurchase(purchase: AccountPurchase): Promise<void>;
  /** The installation's own model settings, sealed (installation-models.ts); null: it uses the server's. */
  installationModel(installationId: number): Promise<string | null>;
  /** Keeps (or with null, removes) the installation's sealed model settings. */
  saveInstallationModel(installationId: number, sealed: string | null): Promise<void>;
}

/** The UTC month (`2026-12`) a moment falls in: the period reviews are counted by. */
export function monthOf(at: number): string {
  return spendPeriods(at).month;
}

/** What the store keeps of learnings (src/review/learnings/), by installation and repository. */
export interface LearningStore {
  /**
   * Keeps what learnings compare of the findings just posted on a pull request, until feedback on
   * them arrives (kept at least POSTED_FINDINGS_TTL_MS); a finding remembered again is replaced.
   */
  rememberPostedFindings(
    scope: LearningScope,
    pullNumber: number,
    findings: readonly FindingTraits[],
    at: number,
  ): Promise<void>;
  /** The remembered findings posted on a pull request. */
  postedFindings(scope: LearningScope, pullNumber: number): Promise<FindingTraits[]>;
  /**
   * Records feedback on findings. The same feedback read again — same pull request, finding, kind
   * and person — keeps its first record, and so its first time.
   */
  recordSignals(scope: LearningScope, signals: readonly FeedbackSignal[]): Promise<void>;
  /** Records a convention a person stated; one with the same id is replaced. */
  recordConvention(scope: LearningScope, convention: Convention): Promise<void>;
  /** Everything learned for a repository: its signals, its conventions, the ids people forgot. */
  learningsOf(scope: LearningScope): Promise<RepositoryLearnings>;
  /** `/review forget <id>`: evidence for the learning from before `at` no longer counts. */
  forgetLearning(scope: LearningScope, id: string, at: number): Promise<void>;
  /**
   * Deletes everything learned for an installation, in every repository: posted findings, signals,
   * conventions and forgotten ids. Called when the app is uninstalled (`installation.deleted`).
   */
  deleteInstallationLearnings(installationId: number): Promise<void>;
  /** Deletes everything learned for one repository of an installation (removed from it). */
  deleteRepositoryLearnings(scope: LearningScope): Promise<void>;
}
