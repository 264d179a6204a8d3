import { loadSiftHistory } from '../github/load-sift-history.js';
import type { Octokit } from '../github/octokit.js';
import { readFileAtRef } from '../github/read-file-at-ref.js';
import type { Logger } from '../logger.js';
import type { SiftJob } from '../queue/sift-job.js';
import { containsSpan } from '../review/score-findings/span-hash.js';
import type { FindingFate, FindingOutcome, SiftStore } from '../store/sift-store.js';

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
    deps.store.disputedFingerprints(`${job.owner}/${job.repo}`, job.pullNumber),
  ]);
  const files = new Map<string, Promise<{ exists: boolean; text: string | null }>>();
  const fileAtClose = (path: string) => {
    let file = files.get(path);
    if (!file) {
      file = readFileAtRef(deps.octokit, { owner: job.owner, repo: job.repo, path, ref: job.headSha });
      files.set(path, file);
    }
    return file;
  };
  const outcomes: FindingOutcome[] = [];
  for (const finding of history.findings) {
    const { span, lines, side, fingerprint, category } = finding.marker;
    let changed = false;
    if (span && lines && side !== 'LEFT') {
      const file = await fileAtClose(finding.path);
      changed = !file.exists || (file.text !== null && !containsSpan(file.text, span, lines));
    }
    const resolvedByPerson =
      finding.isResolved && finding.resolvedBy !== null && !finding.resolvedBy.endsWith('[bot]');
    let fate: FindingFate = 'open';
    if (changed) fate = 'fixed';
    else if (finding.thumbsDown || disputed.has(fingerprint) || resolvedByPerson) fate = 'dismissed';
    outcomes.push({ fingerprint, path: finding.path, category: category ?? 'unknown', fate });
  }
  await deps.store.recordOutcomes(`${job.owner}/${job.repo}`, job.pullNumber, outcomes);
  return `recorded ${outcomes.length} outcomes`;
}
