import type { JobDiscardedError } from '../errors.js';

/** What happened to a job handed to the queue. */
export type EnqueueResult =
  /** Accepted; it runs when a worker is free. */
  | 'queued'
  /** The same job (same key and version) is already waiting or running; nothing was added. */
  | 'duplicate'
  /** Accepted, and an older version of the same key was dropped or cancelled in its favour. */
  | 'superseded-older'
  /** An older version of a key arrived after a newer one was accepted (deliveries out of order): dropped. */
  | 'stale';

/**
 * Where handlers put work. One key (a pull request) runs one job at a time; a newer version of a
 * key (a new head commit) replaces the waiting one and cancels the running one, so a burst of
 * pushes ends in one review of the latest commit.
 */
export interface JobQueue<J> {
  enqueue(job: J): Promise<EnqueueResult>;
  /** Resolves when nothing is waiting or running. */
  onIdle(): Promise<void>;
  /**
   * Stops taking jobs and lets waiting and running ones finish for up to `timeoutMs`; then cancels
   * what still runs and returns the jobs that never started, so the caller can log them.
   */
  close(timeoutMs?: number): Promise<J[]>;
  /** Takes up the jobs a previous process accepted and did not finish; returns how many. */
  resume(): Promise<number>;
  /** Jobs waiting or running now. */
  size(): number;
  /**
   * Withdraws every job `matches` selects (an uninstalled installation's): waiting and retrying
   * ones are dropped and crossed out of the journal; running ones are stopped, their signal aborted
   * with `reason` (a JobDiscardedError), and neither retried nor resumed. Returns how many it withdrew.
   */
  discard(matches: (job: J) => boolean, reason: JobDiscardedError): Promise<number>;
}

/**
 * Runs one job. `note` keeps facts the job learns (the check run it started) with the job's
 * journal record, so a job resumed after a restart knows them.
 */
export type JobWorker<J> = (
  job: J,
  signal: AbortSignal,
  note: (facts: Partial<J>) => void,
  /** When the queue accepted the job (ms since the epoch): the start of its latency. */
  acceptedAt: number,
) => Promise<void>;

export interface JobIdentity<J> {
  /** Jobs with the same key never run at the same time. */
  readonly keyOf: (job: J) => string;
  /** Within a key, a different version supersedes; the same version is a duplicate. */
  readonly versionOf: (job: J) => string;
  /**
   * Whether `job` describes an older state than `than` (of the same key). A stale job neither
   * replaces a waiting one nor cancels a running one. Without it, arrival order decides.
   */
  readonly isOlder?: ((job: J, than: J) => boolean) | undefined;
}
