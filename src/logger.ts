/** Sift logs through pino, the logger Probot creates; the CLI and tests pass their own. */
export type { Logger } from 'pino';
