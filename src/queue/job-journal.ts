/** A job the journal holds: accepted, not yet finished. */
export interface JournaledJob<J> {
  readonly id: string;
  readonly job: J;
}

/**
 * Where accepted jobs are written before the webhook that brought them is answered, and crossed
 * out when they end. A process that dies loses nothing: on start, what is still in the journal
 * runs again (jobs are safe to repeat: a review already posted is found by its marker).
 */
export interface JobJournal<J> {
  /** Records an accepted job; the same id again is a no-op. */
  accept(id: string, job: J): void;
  /** Merges facts a running job learned (the check run it started) into its record. */
  note(id: string, facts: Partial<J>): void;
  /** Crosses the job out: it finished, failed for good, or a newer one replaced it. */
  finish(id: string): void;
  /** The jobs accepted and not finished, oldest first. */
  unfinished(): Array<JournaledJob<J>>;
}
