import type { Logger } from '../logger.js';
import type { CheckRun, CheckRunReport, PullRequestHost, SiftHistory } from '../review/pull-request-host.js';

/** How a review shows its state: the check run, or PR comments when GitHub refuses check runs. */
export interface ReviewStatus {
  /** Shows the review as running on `headSha`; `notices` are the ones Sift already gave here. */
  start(headSha: string, notices: SiftHistory['notices']): Promise<void>;
  finish(report: CheckRunReport): Promise<void>;
}

const CHECKS_NOTICE = 'checks-permission';

export const SUPERSEDED: CheckRunReport = {
  conclusion: 'cancelled',
  title: 'Superseded by a newer commit',
  summary:
    'A newer commit was pushed while this one was being reviewed; Sift reviews the newest one instead.',
};

/**
 * The check run of one review. When GitHub refuses to create it (403: the installation has not
 * granted "Checks: write"), the review is still posted; Sift says once per pull request which
 * permission is missing, and a review that fails says so in a comment instead, so nothing fails
 * out of sight.
 */
export function createReviewStatus(
  host: Pick<PullRequestHost, 'startCheckRun' | 'finishCheckRun' | 'comment'>,
  /** The commit a report goes on when the review ends before it started (the job's head). */
  fallbackHeadSha: string,
  log: Logger,
  resume: {
    /** The check run this job started before a restart, still in progress. */
    readonly resumed?: { readonly id: number; readonly headSha: string } | undefined;
    /** Told about a check run as soon as it exists, to be kept for a resume. */
    readonly onStarted?: ((run: { id: number; headSha: string }) => void) | undefined;
  } = {},
): ReviewStatus {
  const { resumed } = resume;
  // A restart must not leave a check run in progress: the resumed job finishes the one it started.
  let started: { headSha: string; run: CheckRun | null } | null = resumed
    ? { headSha: resumed.headSha, run: { id: resumed.id } }
    : null;
  return {
    async start(headSha, notices) {
      if (started?.run && started.headSha === headSha) return;
      if (started?.run) {
        await host
          .finishCheckRun(started.headSha, started.run, SUPERSEDED)
          .catch((error: unknown) =>
            log.warn({ err: error }, 'could not conclude the check run of an older head'),
          );
      }
      const run = await host.startCheckRun(headSha);
      started = { headSha, run };
      if (run !== null) {
        resume.onStarted?.({ id: run.id, headSha });
        return;
      }
      log.warn({ headSha }, 'GitHub refused to create a check run: the Checks permission is missing');
      if (notices.has(CHECKS_NOTICE)) return;
      await host.comment(
        'Sift could not create its check run on this pull request: the app lacks the **Checks: write** permission. Reviews are still posted here, but their summary, skipped files and failures only appear as comments. An organisation owner can grant the permission in the installation settings (Settings → GitHub Apps → Sift → Configure).',
        CHECKS_NOTICE,
      );
    },
    async finish(report) {
      if (started?.run === null) {
        if (report.conclusion === 'failure') await host.comment(`**${report.title}**\n\n${report.summary}`);
        return;
      }
      await host.finishCheckRun(started?.headSha ?? fallbackHeadSha, started?.run ?? null, report);
    },
  };
}
