import type { AccountPurchase } from '../plans/account-purchase.js';
import type {
  Convention,
  FeedbackSignal,
  FindingTraits,
  LearningScope,
} from '../review/learnings/learning-types.js';
import { signalKey } from './learning-records.js';
import {
  type Feedback,
  type FindingOutcome,
  type InstallationRecord,
  monthOf,
  type RepositoryStats,
  type SiftStore,
  spendPeriods,
} from './sift-store.js';

export interface InMemoryStoreOptions {
  /** Deliveries remembered; GitHub redelivers within hours, and ids are small. */
  readonly maxDeliveries?: number;
}

/** The default store: everything in this process, lost on restart. */
export function createInMemoryStore(options: InMemoryStoreOptions = {}): SiftStore {
  const maxDeliveries = options.maxDeliveries ?? 50_000;
  const deliveries = new Set<string>();
  const commandSlots = new Map<string, number>();
  const reviewedHeads = new Map<string, string>();
  const feedback = new Map<string, Feedback[]>();
  const outcomes = new Map<string, Map<number, readonly FindingOutcome[]>>();
  const spend = new Map<string, number>(); // `installation:period` → tokens
  const reviews = new Map<string, number>(); // `installation:month` → reviews
  const installations = new Map<number, InstallationRecord>();
  const repositoriesOf = new Map<number, Set<string>>();
  const purchases = new Map<number, AccountPurchase>();
  const installationModels = new Map<number, string>();

  const ofInstallation = (installationId: number, key: string) => key.startsWith(`${installationId}:`);
  const deleteWhere = <K, V>(map: Map<K, V>, doomed: (key: K) => boolean) => {
    for (const key of [...map.keys()]) if (doomed(key)) map.delete(key);
  };
  const forgetRepository = (repositoryKey: string) => {
    const ofRepository = (key: string) => key.startsWith(`${repositoryKey}#`);
    deleteWhere(reviewedHeads, ofRepository);
    deleteWhere(commandSlots, ofRepository);
    deleteWhere(feedback, ofRepository);
    outcomes.delete(repositoryKey);
  };
  const learnings = new Map<number, Map<string, RepositoryRecords>>(); // installation → repository →
  const recordsOf = (scope: LearningScope): RepositoryRecords => {
    const byRepository = learnings.get(scope.installationId) ?? new Map<string, RepositoryRecords>();
    learnings.set(scope.installationId, byRepository);
    const records = byRepository.get(scope.repository) ?? {
      posted: new Map(),
      signals: new Map(),
      conventions: new Map(),
      forgotten: new Map(),
    };
    byRepository.set(scope.repository, records);
    return records;
  };

  return {
    async firstDelivery(deliveryId) {
      if (deliveries.has(deliveryId)) return false;
      deliveries.add(deliveryId);
      if (deliveries.size > maxDeliveries) {
        const oldest = deliveries.values().next();
        if (!oldest.done) deliveries.delete(oldest.value);
      }
      return true;
    },
    async lastReviewedHead(pullKey) {
      return reviewedHeads.get(pullKey) ?? null;
    },
    async setLastReviewedHead(pullKey, head) {
      reviewedHeads.set(pullKey, head);
    },
    async takeCommandSlot(pullKey, cooldownMs, now) {
      const last = commandSlots.get(pullKey);
      if (last !== undefined && now - last < cooldownMs) return false;
      commandSlots.set(pullKey, now);
      return true;
    },
    async recordFeedback(repositoryKey, pullNumber, item) {
      const key = `${repositoryKey}#${pullNumber}`;
      feedback.set(key, [...(feedback.get(key) ?? []), item]);
    },
    async disputedFingerprints(repositoryKey, pullNumber) {
      return new Set((feedback.get(`${repositoryKey}#${pullNumber}`) ?? []).map((item) => item.fingerprint));
    },
    async recordOutcomes(repositoryKey, pullNumber, items) {
      const byPull = outcomes.get(repositoryKey) ?? new Map<number, readonly FindingOutcome[]>();
      byPull.set(pullNumber, items);
      outcomes.set(repositoryKey, byPull);
    },
    async repositoryStats(repositoryKey): Promise<RepositoryStats> {
      const all = [...(outcomes.get(repositoryKey)?.values() ?? [])];
      const flat = all.flat();
      const disputes = [...feedback.entries()]
        .filter(([key]) => key.startsWith(`${repositoryKey}#`))
        .reduce((sum, [, items]) => sum + items.filter((item) => item.kind === 'disputed').length, 0);
      return {
        pullRequests: all.length,
        posted: flat.length,
        fixed: flat.filter((item) => item.fate === 'fixed').length,
        dismissed: flat.filter((item) => item.fate === 'dismissed').length,
        open: flat.filter((item) => item.fate === 'open').length,
        disputes,
      };
    },
    async addSpend(installationId, tokens, at) {
      for (const period of Object.values(spendPeriods(at))) {
        const key = `${installationId}:${period}`;
        spend.set(key, (spend.get(key) ?? 0) + tokens);
      }
    },
    async spendOf(installationId, at) {
      const { day, month } = spendPeriods(at);
      return {
        day: spend.get(`${installationId}:${day}`) ?? 0,
        month: spend.get(`${installationId}:${month}`) ?? 0,
      };
    },
    async addReview(installationId, at) {
      const key = `${installationId}:${monthOf(at)}`;
      reviews.set(key, (reviews.get(key) ?? 0) + 1);
    },
    async reviewsOf(installationId, at) {
      return reviews.get(`${installationId}:${monthOf(at)}`) ?? 0;
    },
    async installation(installationId) {
      return installations.get(installationId) ?? null;
    },
    async saveInstallation(record) {
      installations.set(record.id, record);
    },
    async addInstallationRepository(installationId, repositoryKey) {
      const repositories = repositoriesOf.get(installationId) ?? new Set<string>();
      repositories.add(repositoryKey);
      repositoriesOf.set(installationId, repositories);
    },
    async forgetRepository(installationId, repositoryKey) {
      forgetRepository(repositoryKey);
      repositoriesOf.get(installationId)?.delete(repositoryKey);
      learnings.get(installationId)?.delete(repositoryKey);
    },
    async forgetInstallation(installationId, accountId) {
      const repositories = repositoriesOf.get(installationId) ?? new Set<string>();
      for (const repositoryKey of repositories) forgetRepository(repositoryKey);
      repositoriesOf.delete(installationId);
      deleteWhere(spend, (key) => ofInstallation(installationId, key));
      deleteWhere(reviews, (key) => ofInstallation(installationId, key));
      const account = accountId ?? installations.get(installationId)?.account.id;
      if (account !== undefined) purchases.delete(account);
      installations.delete(installationId);
      installationModels.delete(installationId);
      learnings.delete(installationId);
      return { repositories: repositories.size, journaledJobs: 0 };
    },
    async purchase(accountId) {
      return purchases.get(accountId) ?? null;
    },
    async savePurchase(purchase) {
      purchases.set(purchase.accountId, purchase);
    },
    async installationModel(installationId) {
      return installationModels.get(installationId) ?? null;
    },
    async saveInstallationModel(installationId, sealed) {
      if (sealed === null) installationModels.delete(installationId);
      else installationModels.set(installationId, sealed);
    },
    async rememberPostedFindings(scope, pullNumber, findings) {
      const { posted } = recordsOf(scope);
      const ofPull = posted.get(pullNumber) ?? new Map<string, FindingTraits>();
      for (const finding of findings) ofPull.set(finding.fingerprint, finding);
      posted.set(pullNumber, ofPull);
    },
    async postedFindings(scope, pullNumber) {
      return [...(recordsOf(scope).posted.get(pullNumber)?.values() ?? [])];
    },
    async recordSignals(scope, items) {
      const { signals } = recordsOf(scope);
      for (const item of items) if (!signals.has(signalKey(item))) signals.set(signalKey(item), item);
    },
    async recordConvention(scope, convention) {
      recordsOf(scope).conventions.set(convention.id, convention);
    },
    async learningsOf(scope) {
      const records = recordsOf(scope);
      return {
        signals: [...records.signals.values()],
        conventions: [...records.conventions.values()],
        forgotten: new Map(records.forgotten),
      };
    },
    async forgetLearning(scope, id, at) {
      recordsOf(scope).forgotten.set(id, at);
    },
    async deleteInstallationLearnings(installationId) {
      learnings.delete(installationId);
    },
    async deleteRepositoryLearnings(scope) {
      learnings.get(scope.installationId)?.delete(scope.repository);
    },
  };
}

/** What the in-memory store keeps of one repository's learnings. */
interface RepositoryRecords {
  readonly posted: Map<number, Map<string, FindingTraits>>;
  readonly signals: Map<string, FeedbackSignal>;
  readonly conventions: Map<string, Convention>;
  readonly forgotten: Map<string, number>;
}
