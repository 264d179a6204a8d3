/**
 * The embedded database's tables, created when missing. Every table but `deliveries` (webhook ids,
 * which name nobody) holds state of an installation, and `forgetInstallation` empties it of that
 * installation: a table added here must be added there too (a test counts them).
 */
export const SQLITE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS deliveries (id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS deliveries_by_age ON deliveries (seen_at);
  CREATE TABLE IF NOT EXISTS reviewed_heads (pull TEXT PRIMARY KEY, head TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS command_slots (pull TEXT PRIMARY KEY, taken_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS feedback (
    repository TEXT NOT NULL, pull INTEGER NOT NULL, fingerprint TEXT NOT NULL,
    kind TEXT NOT NULL, user TEXT NOT NULL, text TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS feedback_by_pull ON feedback (repository, pull);
  CREATE TABLE IF NOT EXISTS outcomes (
    repository TEXT NOT NULL, pull INTEGER NOT NULL, fingerprint TEXT NOT NULL,
    path TEXT NOT NULL, category TEXT NOT NULL, fate TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS outcomes_by_pull ON outcomes (repository, pull);
  CREATE TABLE IF NOT EXISTS spend (
    installation INTEGER NOT NULL, period TEXT NOT NULL, tokens INTEGER NOT NULL,
    PRIMARY KEY (installation, period));
  CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, job TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS reviews (
    installation INTEGER NOT NULL, month TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (installation, month));
  CREATE TABLE IF NOT EXISTS installations (
    id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, account_login TEXT NOT NULL,
    suspended INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS installation_repositories (
    installation INTEGER NOT NULL, repository TEXT NOT NULL, PRIMARY KEY (installation, repository));
  CREATE TABLE IF NOT EXISTS purchases (account INTEGER PRIMARY KEY, purchase TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS installation_models (installation INTEGER PRIMARY KEY, sealed TEXT NOT NULL);
`;
