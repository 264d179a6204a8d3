import { loadSiftHistory } from '../github/load-sift-history.js';
import type { Octokit } from '../github/octokit.js';
import { createFileReader } from '../github/read-file-at-ref.js';
import type { Logger } from '../logger.js';
import type { SiftJob } from '../queue/sift-job.js';
import { codeIsGone } from '../review/post-review/find-fixed-findings.js';
import { wasDismissed } from '../review/score-findings/already-said.js';
import { type FindingFate, type FindingOutcome, repositoryKey, type SiftStore } from '../store/sift-store.js';

type OutcomeJob = Extract<SiftJob, { kind: 'outcome' }>;

/**
 * When a pull request closes, classifies every finding Sift posted on it: fixed (the code it
 * pointed at changed before the pull request closed), dismissed (👎, disputed in a reply, or
 * resolved by a person while the code stayed), or left open — and records them, which is what
 * `/review stats` reports as the resolution rate.
 */
export async function recordOutcomes(
  job: OutcomeJob,
  deps: { octokit: Octokit; store: SiftStore; log: Logger },
): Promise<string> {
  const where = { owner: job.owner, repo: job.repo, pullNumber: job.pullNumber };
  const [history, disputed] = await Promise.all([
    loadSiftHistory(deps.octokit, where),
    deps.store.disputedFingerprints(repositoryKey(job), job.pullNumber),
  ]);
  const fileAtClose = createFileReader(deps.octokit, {
    owner: job.owner,
    repo: job.repo,
    ref: job.headSha,
  });
  const outcomes: FindingOutcome[] = [];
  for (const finding of history.findings) {
    let fate: FindingFate = 'open';
    if (await codeIsGone(finding, fileAtClose)) fate = 'fixed';
    else if (wasDismissed(finding, disputed)) fate = 'dismissed';
    const { fingerprint, category } = finding.marker;
    outcomes.push({ fingerprint, path: finding.path, category: category ?? 'unknown', fate });
  }
  await deps.store.recordOutcomes(repositoryKey(job), job.pullNumber, outcomes);
  return `recorded ${outcomes.length} outcomes`;
}
