/** The clocks of the Redis queue; tests shorten them, operators rarely need to. */
export interface QueueTiming {
  /**
   * How long a job stays claimed by a worker that stops answering (killed, frozen) before another
   * worker takes it over. BullMQ's lock and Sift's per-key run lock both use it.
   */
  readonly lockMs: number;
  /** How often workers look for jobs whose worker stopped answering. */
  readonly stalledCheckMs: number;
  /** Attempts of a job that crashes (a GitHub outage while authenticating, say) before it is a dead letter. */
  readonly attempts: number;
  /** The first retry's delay; each next one doubles it. */
  readonly retryDelayMs: number;
  /** How long a job waits before trying again when its pull request or installation is busy. */
  readonly busyRetryMs: number;
  /** How often a web process checks its journal against Redis. */
  readonly reconcileEveryMs: number;
  /**
   * How long Redis must have held a job before the journal lets go of it. With `appendfsync
   * everysec` Redis fsyncs every second, but a slow disk can hold an fsync back by two seconds
   * more; ten leaves a wide margin.
   */
  readonly settleMs: number;
  /** How long a webhook waits for Redis to take a job before answering with the job journaled only. */
  readonly enqueueTimeoutMs: number;
}

export const DEFAULT_QUEUE_TIMING: QueueTiming = {
  lockMs: 30_000,
  stalledCheckMs: 15_000,
  attempts: 4,
  retryDelayMs: 2_000,
  busyRetryMs: 500,
  reconcileEveryMs: 5_000,
  settleMs: 10_000,
  enqueueTimeoutMs: 3_000,
};
