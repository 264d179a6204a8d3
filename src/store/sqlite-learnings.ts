import type Database from 'better-sqlite3';
import type { FeedbackSignal, FindingTraits } from '../review/learnings/learning-types.js';
import {
  conventionSchema,
  feedbackSignalSchema,
  findingTraitsSchema,
  POSTED_FINDINGS_TTL_MS,
} from './learning-records.js';
import { parseStored } from './parse-stored.js';
import type { LearningStore } from './sift-store.js';

export const LEARNING_SCHEMA = `
  CREATE TABLE IF NOT EXISTS learning_posted (
    installation INTEGER NOT NULL, repository TEXT NOT NULL, pull INTEGER NOT NULL,
    fingerprint TEXT NOT NULL, traits TEXT NOT NULL, at INTEGER NOT NULL,
    PRIMARY KEY (installation, repository, pull, fingerprint));
  CREATE INDEX IF NOT EXISTS learning_posted_by_age ON learning_posted (at);
  CREATE TABLE IF NOT EXISTS learning_signals (
    installation INTEGER NOT NULL, repository TEXT NOT NULL, pull INTEGER NOT NULL,
    fingerprint TEXT NOT NULL, kind TEXT NOT NULL, person TEXT NOT NULL, signal TEXT NOT NULL,
    PRIMARY KEY (installation, repository, pull, fingerprint, kind, person));
  CREATE TABLE IF NOT EXISTS learning_conventions (
    installation INTEGER NOT NULL, repository TEXT NOT NULL, id TEXT NOT NULL, convention TEXT NOT NULL,
    PRIMARY KEY (installation, repository, id));
  CREATE TABLE IF NOT EXISTS learning_forgotten (
    installation INTEGER NOT NULL, repository TEXT NOT NULL, id TEXT NOT NULL, at INTEGER NOT NULL,
    PRIMARY KEY (installation, repository, id));
`;

/** The tables LEARNING_SCHEMA creates: every one leads with the installation and the repository. */
export const LEARNING_TABLES = [
  'learning_posted',
  'learning_signals',
  'learning_conventions',
  'learning_forgotten',
] as const;

// Remembering posted findings is frequent; pruning the old ones now and then is enough.
const PRUNE_EVERY = 100;

/**
 * The learnings half of the SQLite store, on its database (LEARNING_SCHEMA must have been run).
 * Every table leads with the installation, so deleting one installation is one statement per table.
 */
export function sqliteLearnings(db: Database.Database): LearningStore {
  const sql = {
    remember: db.prepare(
      `INSERT INTO learning_posted (installation, repository, pull, fingerprint, traits, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (installation, repository, pull, fingerprint) DO UPDATE SET traits = excluded.traits, at = excluded.at`,
    ),
    pruneOld: db.prepare('DELETE FROM learning_posted WHERE at < ?'),
    posted: db.prepare<[number, string, number], { traits: string }>(
      'SELECT traits FROM learning_posted WHERE installation = ? AND repository = ? AND pull = ? ORDER BY rowid',
    ),
    addSignal: db.prepare(
      `INSERT OR IGNORE INTO learning_signals (installation, repository, pull, fingerprint, kind, person, signal)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    signals: db.prepare<[number, string], { signal: string }>(
      'SELECT signal FROM learning_signals WHERE installation = ? AND repository = ? ORDER BY rowid',
    ),
    putConvention: db.prepare(
      `INSERT INTO learning_conventions (installation, repository, id, convention) VALUES (?, ?, ?, ?)
       ON CONFLICT (installation, repository, id) DO UPDATE SET convention = excluded.convention`,
    ),
    conventions: db.prepare<[number, string], { convention: string }>(
      'SELECT convention FROM learning_conventions WHERE installation = ? AND repository = ? ORDER BY rowid',
    ),
    forget: db.prepare(
      `INSERT INTO learning_forgotten (installation, repository, id, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (installation, repository, id) DO UPDATE SET at = excluded.at`,
    ),
    forgotten: db.prepare<[number, string], { id: string; at: number }>(
      'SELECT id, at FROM learning_forgotten WHERE installation = ? AND repository = ?',
    ),
    deletes: LEARNING_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE installation = ?`)),
    repositoryDeletes: LEARNING_TABLES.map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE installation = ? AND repository = ?`),
    ),
  };
  const remember = db.transaction(
    (
      installation: number,
      repository: string,
      pull: number,
      findings: readonly FindingTraits[],
      at: number,
    ) => {
      for (const finding of findings)
        sql.remember.run(installation, repository, pull, finding.fingerprint, JSON.stringify(finding), at);
    },
  );
  const record = db.transaction(
    (installation: number, repository: string, signals: readonly FeedbackSignal[]) => {
      for (const signal of signals) {
        const { pullNumber, finding, kind, by } = signal;
        sql.addSignal.run(
          installation,
          repository,
          pullNumber,
          finding.fingerprint,
          kind,
          by,
          JSON.stringify(signal),
        );
      }
    },
  );
  const deleteInstallation = db.transaction((installation: number) => {
    for (const statement of sql.deletes) statement.run(installation);
  });
  const deleteRepository = db.transaction((installation: number, repository: string) => {
    for (const statement of sql.repositoryDeletes) statement.run(installation, repository);
  });
  let remembersSincePrune = PRUNE_EVERY;

  return {
    async rememberPostedFindings(scope, pullNumber, findings, at) {
      remember(scope.installationId, scope.repository, pullNumber, findings, at);
      remembersSincePrune += 1;
      if (remembersSincePrune >= PRUNE_EVERY) {
        remembersSincePrune = 0;
        sql.pruneOld.run(at - POSTED_FINDINGS_TTL_MS);
      }
    },
    async postedFindings(scope, pullNumber) {
      return sql.posted
        .all(scope.installationId, scope.repository, pullNumber)
        .flatMap((row) => parseStored(findingTraitsSchema, row.traits) ?? []);
    },
    async recordSignals(scope, signals) {
      record(scope.installationId, scope.repository, signals);
    },
    async recordConvention(scope, convention) {
      sql.putConvention.run(
        scope.installationId,
        scope.repository,
        convention.id,
        JSON.stringify(convention),
      );
    },
    async learningsOf(scope) {
      const { installationId, repository } = scope;
      return {
        signals: sql.signals
          .all(installationId, repository)
          .flatMap((row) => parseStored(feedbackSignalSchema, row.signal) ?? []),
        conventions: sql.conventions
          .all(installationId, repository)
          .flatMap((row) => parseStored(conventionSchema, row.convention) ?? []),
        forgotten: new Map(sql.forgotten.all(installationId, repository).map((row) => [row.id, row.at])),
      };
    },
    async forgetLearning(scope, id, at) {
      sql.forget.run(scope.installationId, scope.repository, id, at);
    },
    async deleteInstallationLearnings(installationId) {
      deleteInstallation(installationId);
    },
    async deleteRepositoryLearnings(scope) {
      deleteRepository(scope.installationId, scope.repository);
    },
  };
}
