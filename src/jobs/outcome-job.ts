import { codeIsGone } from '../review/post-review/find-fixed-findings.js';
import { wasDismissed } from '../review/score-findings/already-said.js';
import { type FindingFate, type FindingOutcome, repositoryKey } from '../store/sift-store.js';
import { feedbackThatCounts } from './feedback-that-counts.js';
import type { JobPorts } from './job-ports.js';
import type { JobOfKind } from './sift-job.js';

/**
 * When a pull request closes, classifies every finding Sift posted on it: fixed (the code it
 * pointed at changed before the pull request closed), dismissed (👎 or a hand-resolved thread
 * from someone whose feedback counts, or a dispute the model accepted), or left open — and
 * records them, which is what `/review stats` reports as the resolution rate.
 */
export async function runOutcomeJob(job: JobOfKind<'outcome'>, ports: JobPorts): Promise<string> {
  const { host, store } = ports;
  const [history, disputed] = await Promise.all([
    host.loadHistory(),
    store.disputedFingerprints(repositoryKey(job), job.pullNumber),
  ]);
  const findings = await feedbackThatCounts(history.findings, job.pullAuthor, host);
  const outcomes: FindingOutcome[] = [];
  for (const finding of findings) {
    let fate: FindingFate = 'open';
    if (await codeIsGone(finding, (path) => host.readFile(job.headSha, path))) fate = 'fixed';
    else if (wasDismissed(finding, disputed)) fate = 'dismissed';
    const { fingerprint, category } = finding.marker;
    outcomes.push({ fingerprint, path: finding.path, category: category ?? 'unknown', fate });
  }
  await store.recordOutcomes(repositoryKey(job), job.pullNumber, outcomes);
  return `recorded ${outcomes.length} outcomes`;
}
