import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type AccountPurchase, accountPurchaseSchema } from '../plans/account-purchase.js';
import type { JobJournal, JournaledJob } from '../queue/job-journal.js';
import { parseStored } from './parse-stored.js';
import {
  type Feedback,
  type FindingOutcome,
  monthOf,
  type RepositoryStats,
  type SiftStore,
  spendPeriods,
} from './sift-store.js';
import { LEARNING_SCHEMA, sqliteLearnings } from './sqlite-learnings.js';
import { SQLITE_SCHEMA } from './sqlite-schema.js';

// Deliveries remembered: GitHub redelivers within hours; older ids are pruned.
const DELIVERY_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 1_000;

export interface SqliteStore<J> extends SiftStore {
  readonly journal: JobJournal<J>;
  /** Where the database lives. */
  readonly path: string;
  /** Whether the database answers a query now (for `/readyz`). */
  reachable(): boolean;
  close(): void;
}

/**
 * The default store: an embedded SQLite database in the data directory (created 0700), in WAL
 * mode, so state survives restarts with nothing to run beside Sift. Writes are synchronous and
 * durable when they return, which is what lets the journal be written before a webhook is
 * answered.
 */
export function openSqliteStore<J>(dataDir: string, options: { now?: () => number } = {}): SqliteStore<J> {
  const now = options.now ?? Date.now;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const path = join(dataDir, 'sift.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL loses nothing when the process is killed (the log is in the OS's hands
  // once a write returns); only a power loss or kernel crash can drop the last commits. FULL
  // would fsync on every webhook and put tens of milliseconds on each answer.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SQLITE_SCHEMA);
  db.exec(LEARNING_SCHEMA);

  const sql = {
    seenDelivery: db.prepare('INSERT OR IGNORE INTO deliveries (id, seen_at) VALUES (?, ?)'),
    pruneDeliveries: db.prepare('DELETE FROM deliveries WHERE seen_at < ?'),
    reviewedHead: db.prepare<[string], { head: string }>('SELECT head FROM reviewed_heads WHERE pull = ?'),
    setReviewedHead: db.prepare(
      'INSERT INTO reviewed_heads (pull, head) VALUES (?, ?) ON CONFLICT (pull) DO UPDATE SET head = excluded.head',
    ),
    commandSlot: db.prepare<[string], { taken_at: number }>(
      'SELECT taken_at FROM command_slots WHERE pull = ?',
    ),
    takeCommandSlot: db.prepare(
      'INSERT INTO command_slots (pull, taken_at) VALUES (?, ?) ON CONFLICT (pull) DO UPDATE SET taken_at = excluded.taken_at',
    ),
    addFeedback: db.prepare(
      'INSERT INTO feedback (repository, pull, fingerprint, kind, user, text) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    feedbackOf: db.prepare<[string, number], { fingerprint: string }>(
      'SELECT fingerprint FROM feedback WHERE repository = ? AND pull = ?',
    ),
    disputes: db.prepare<[string], { count: number }>(
      "SELECT count(*) AS count FROM feedback WHERE repository = ? AND kind = 'disputed'",
    ),
    clearOutcomes: db.prepare('DELETE FROM outcomes WHERE repository = ? AND pull = ?'),
    addOutcome: db.prepare(
      'INSERT INTO outcomes (repository, pull, fingerprint, path, category, fate) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    outcomeCounts: db.prepare<
      [string],
      { pulls: number; posted: number; fixed: number; dismissed: number; open: number }
    >(
      `SELECT count(DISTINCT pull) AS pulls, count(*) AS posted,
              coalesce(sum(fate = 'fixed'), 0) AS fixed, coalesce(sum(fate = 'dismissed'), 0) AS dismissed,
              coalesce(sum(fate = 'open'), 0) AS open
         FROM outcomes WHERE repository = ?`,
    ),
    addSpend: db.prepare(
      'INSERT INTO spend (installation, period, tokens) VALUES (?, ?, ?) ON CONFLICT (installation, period) DO UPDATE SET tokens = tokens + excluded.tokens',
    ),
    spendIn: db.prepare<[number, string], { tokens: number }>(
      'SELECT tokens FROM spend WHERE installation = ? AND period = ?',
    ),
    accept: db.prepare('INSERT OR IGNORE INTO journal (id, job) VALUES (?, ?)'),
    journaled: db.prepare<[string], { job: string }>('SELECT job FROM journal WHERE id = ?'),
    rewrite: db.prepare('UPDATE journal SET job = ? WHERE id = ?'),
    finish: db.prepare('DELETE FROM journal WHERE id = ?'),
    unfinished: db.prepare<[], { id: string; job: string }>('SELECT id, job FROM journal ORDER BY seq'),
    addReview: db.prepare(
      'INSERT INTO reviews (installation, month, count) VALUES (?, ?, 1) ON CONFLICT (installation, month) DO UPDATE SET count = count + 1',
    ),
    reviewsIn: db.prepare<[number, string], { count: number }>(
      'SELECT count FROM reviews WHERE installation = ? AND month = ?',
    ),
    installation: db.prepare<
      [number],
      { id: number; account_id: number; account_login: string; suspended: number }
    >('SELECT id, account_id, account_login, suspended FROM installations WHERE id = ?'),
    saveInstallation: db.prepare(
      `INSERT INTO installations (id, account_id, account_login, suspended) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id,
         account_login = excluded.account_login, suspended = excluded.suspended`,
    ),
    addRepository: db.prepare(
      'INSERT OR IGNORE INTO installation_repositories (installation, repository) VALUES (?, ?)',
    ),
    repositoriesOf: db.prepare<[number], { repository: string }>(
      'SELECT repository FROM installation_repositories WHERE installation = ?',
    ),
    removeRepository: db.prepare(
      'DELETE FROM installation_repositories WHERE installation = ? AND repository = ?',
    ),
    // Pull requests are keyed `owner/repo#n`: a repository's are those starting with `owner/repo#`.
    forgetHeads: db.prepare('DELETE FROM reviewed_heads WHERE substr(pull, 1, length(@prefix)) = @prefix'),
    forgetCommandSlots: db.prepare(
      'DELETE FROM command_slots WHERE substr(pull, 1, length(@prefix)) = @prefix',
    ),
    forgetFeedback: db.prepare('DELETE FROM feedback WHERE repository = ?'),
    forgetOutcomes: db.prepare('DELETE FROM outcomes WHERE repository = ?'),
    forgetSpend: db.prepare('DELETE FROM spend WHERE installation = ?'),
    forgetReviews: db.prepare('DELETE FROM reviews WHERE installation = ?'),
    forgetRepositories: db.prepare('DELETE FROM installation_repositories WHERE installation = ?'),
    forgetInstallation: db.prepare('DELETE FROM installations WHERE id = ?'),
    forgetJournaled: db.prepare("DELETE FROM journal WHERE json_extract(job, '$.installationId') = ?"),
    purchase: db.prepare<[number], { purchase: string }>('SELECT purchase FROM purchases WHERE account = ?'),
    savePurchase: db.prepare(
      'INSERT INTO purchases (account, purchase) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET purchase = excluded.purchase',
    ),
    forgetPurchase: db.prepare('DELETE FROM purchases WHERE account = ?'),
    installationModel: db.prepare<[number], { sealed: string }>(
      'SELECT sealed FROM installation_models WHERE installation = ?',
    ),
    saveInstallationModel: db.prepare(
      'INSERT INTO installation_models (installation, sealed) VALUES (?, ?) ON CONFLICT (installation) DO UPDATE SET sealed = excluded.sealed',
    ),
    forgetInstallationModel: db.prepare('DELETE FROM installation_models WHERE installation = ?'),
  };
  const recordOutcomes = db.transaction(
    (repositoryKey: string, pullNumber: number, items: readonly FindingOutcome[]) => {
      sql.clearOutcomes.run(repositoryKey, pullNumber);
      for (const item of items)
        sql.addOutcome.run(repositoryKey, pullNumber, item.fingerprint, item.path, item.category, item.fate);
    },
  );

  const addSpend = db.transaction((installationId: number, tokens: number, day: string, month: string) => {
    sql.addSpend.run(installationId, day, tokens);
    sql.addSpend.run(installationId, month, tokens);
  });

  const forgetRepository = (repositoryKey: string) => {
    sql.forgetHeads.run({ prefix: `${repositoryKey}#` });
    sql.forgetCommandSlots.run({ prefix: `${repositoryKey}#` });
    sql.forgetFeedback.run(repositoryKey);
    sql.forgetOutcomes.run(repositoryKey);
  };
  const learnings = sqliteLearnings(db);
  const forgetRepositoryOf = db.transaction((installationId: number, repositoryKey: string) => {
    forgetRepository(repositoryKey);
    sql.removeRepository.run(installationId, repositoryKey);
  });
  const forgetInstallation = db.transaction((installationId: number, accountId: number | null) => {
    const repositories = sql.repositoriesOf.all(installationId).map((row) => row.repository);
    for (const repositoryKey of repositories) forgetRepository(repositoryKey);
    const account = accountId ?? sql.installation.get(installationId)?.account_id;
    if (account !== undefined) sql.forgetPurchase.run(account);
    sql.forgetRepositories.run(installationId);
    sql.forgetSpend.run(installationId);
    sql.forgetReviews.run(installationId);
    sql.forgetInstallation.run(installationId);
    sql.forgetInstallationModel.run(installationId);
    const journaledJobs = sql.forgetJournaled.run(installationId).changes;
    return { repositories: repositories.length, journaledJobs };
  });

  let deliveriesSincePrune = PRUNE_EVERY; // prune once at start, then now and then
  const journal: JobJournal<J> = {
    accept(id, job) {
      sql.accept.run(id, JSON.stringify(job));
    },
    note(id, facts) {
      const row = sql.journaled.get(id);
      if (row) sql.rewrite.run(JSON.stringify({ ...(JSON.parse(row.job) as object), ...facts }), id);
    },
    finish(id) {
      sql.finish.run(id);
    },
    unfinished(): Array<JournaledJob<J>> {
      return sql.unfinished.all().map((row) => ({ id: row.id, job: JSON.parse(row.job) as J }));
    },
  };

  return {
    ...learnings,
    path,
    journal,
    async firstDelivery(deliveryId) {
      deliveriesSincePrune += 1;
      if (deliveriesSincePrune >= PRUNE_EVERY) {
        deliveriesSincePrune = 0;
        sql.pruneDeliveries.run(now() - DELIVERY_TTL_MS);
      }
      return sql.seenDelivery.run(deliveryId, now()).changes === 1;
    },
    async lastReviewedHead(pullKey) {
      return sql.reviewedHead.get(pullKey)?.head ?? null;
    },
    async setLastReviewedHead(pullKey, head) {
      sql.setReviewedHead.run(pullKey, head);
    },
    async takeCommandSlot(pullKey, cooldownMs, at) {
      const last = sql.commandSlot.get(pullKey)?.taken_at;
      if (last !== undefined && at - last < cooldownMs) return false;
      sql.takeCommandSlot.run(pullKey, at);
      return true;
    },
    async recordFeedback(repositoryKey, pullNumber, item: Feedback) {
      sql.addFeedback.run(repositoryKey, pullNumber, item.fingerprint, item.kind, item.user, item.text);
    },
    async disputedFingerprints(repositoryKey, pullNumber) {
      return new Set(sql.feedbackOf.all(repositoryKey, pullNumber).map((row) => row.fingerprint));
    },
    async recordOutcomes(repositoryKey, pullNumber, items) {
      recordOutcomes(repositoryKey, pullNumber, items);
    },
    async repositoryStats(repositoryKey): Promise<RepositoryStats> {
      const counts = sql.outcomeCounts.get(repositoryKey);
      return {
        pullRequests: counts?.pulls ?? 0,
        posted: counts?.posted ?? 0,
        fixed: counts?.fixed ?? 0,
        dismissed: counts?.dismissed ?? 0,
        open: counts?.open ?? 0,
        disputes: sql.disputes.get(repositoryKey)?.count ?? 0,
      };
    },
    async addSpend(installationId, tokens, at) {
      const { day, month } = spendPeriods(at);
      addSpend(installationId, tokens, day, month);
    },
    async spendOf(installationId, at) {
      const { day, month } = spendPeriods(at);
      return {
        day: sql.spendIn.get(installationId, day)?.tokens ?? 0,
        month: sql.spendIn.get(installationId, month)?.tokens ?? 0,
      };
    },
    async addReview(installationId, at) {
      sql.addReview.run(installationId, monthOf(at));
    },
    async reviewsOf(installationId, at) {
      return sql.reviewsIn.get(installationId, monthOf(at))?.count ?? 0;
    },
    async installation(installationId) {
      const row = sql.installation.get(installationId);
      if (!row) return null;
      return {
        id: row.id,
        account: { id: row.account_id, login: row.account_login },
        suspended: row.suspended === 1,
      };
    },
    async saveInstallation(record) {
      sql.saveInstallation.run(record.id, record.account.id, record.account.login, record.suspended ? 1 : 0);
    },
    async addInstallationRepository(installationId, repositoryKey) {
      sql.addRepository.run(installationId, repositoryKey);
    },
    async forgetRepository(installationId, repositoryKey) {
      forgetRepositoryOf(installationId, repositoryKey);
      await learnings.deleteRepositoryLearnings({ installationId, repository: repositoryKey });
    },
    async forgetInstallation(installationId, accountId) {
      const forgotten = forgetInstallation(installationId, accountId);
      await learnings.deleteInstallationLearnings(installationId);
      return forgotten;
    },
    async purchase(accountId) {
      const row = sql.purchase.get(accountId);
      return row ? (parseStored(accountPurchaseSchema, row.purchase) ?? null) : null;
    },
    async savePurchase(purchase: AccountPurchase) {
      sql.savePurchase.run(purchase.accountId, JSON.stringify(purchase));
    },
    async installationModel(installationId) {
      return sql.installationModel.get(installationId)?.sealed ?? null;
    },
    async saveInstallationModel(installationId, sealed) {
      if (sealed === null) sql.forgetInstallationModel.run(installationId);
      else sql.saveInstallationModel.run(installationId, sealed);
    },
    reachable() {
      try {
        return db.prepare('SELECT 1 AS one').get() !== undefined;
      } catch {
        return false;
      }
    },
    close() {
      db.close();
    },
  };
}
