import pino from 'pino';
import type { SiftJob } from '../../src/jobs/sift-job.js';
import type { JobQueue } from '../../src/queue/job-queue.js';

/** A queue that only records what handlers hand it, and what they withdraw from it. */
export function recordingQueue(): JobQueue<SiftJob> & {
  readonly jobs: SiftJob[];
  readonly discards: string[];
} {
  const jobs: SiftJob[] = [];
  const discards: string[] = [];
  return {
    jobs,
    discards,
    async discard(matches, reason) {
      discards.push(reason.message);
      const kept = jobs.filter((job) => !matches(job));
      const withdrawn = jobs.length - kept.length;
      jobs.splice(0, jobs.length, ...kept);
      return withdrawn;
    },
    async enqueue(job) {
      jobs.push(job);
      return 'queued';
    },
    async onIdle() {},
    async close() {
      return [];
    },
    async resume() {
      return 0;
    },
    size: () => 0,
  };
}

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly delivery?: string;
  readonly [field: string]: unknown;
}

/**
 * The part of Probot's `Context` the handlers use — the delivery id, the payload and a logger —
 * with what is logged kept for the test. Cast to the handler's context type at the call.
 */
export function fakeContext(id: string, name: string, payload: unknown) {
  const logged: LogLine[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line) as LogLine) });
  return { context: { id, name, payload, log }, logged };
}

/** Pino's numeric level for warnings. */
export const WARN = 40;
