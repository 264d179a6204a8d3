import { codeIsGone } from '../review/post-review/find-fixed-findings.js';
import { wasDismissed } from '../review/score-findings/already-said.js';
import { type FindingFate, type FindingOutcome, repositoryKey } from '../store/sift-store.js';
import { feedbackThatCounts } from './feedback-that-counts.js';
import type { JobPorts } from './job-ports.js';
import { learningScope, recordFeedbackSignals } from './learn-from-feedback.js';
import type { JobOfKind } from './sift-job.js';

/**
 * When a pull request closes, classifies every finding Sift posted on it: fixed (the code it
 * pointed at changed before the pull request closed), dismissed (👎 or a hand-resolved thread
 * from someone whose feedback counts, or a dispute the model accepted), or left open — and
 * records them, which is what `/review stats` reports as the resolution rate. Unless the
 * repository turned `learning` off, what people did with the findings is recorded as signals too.
 */
export async function runOutcomeJob(job: JobOfKind<'outcome'>, ports: JobPorts): Promise<string> {
  const { host, store } = ports;
  const [history, disputed] = await Promise.all([
    host.loadHistory(),
    store.disputedFingerprints(repositoryKey(job), job.pullNumber),
  ]);
  const findings = await feedbackThatCounts(history.findings, job.pullAuthor, host);
  const outcomes: FindingOutcome[] = [];
  const fates = new Map<string, 'fixed' | 'dismissed'>();
  for (const finding of findings) {
    let fate: FindingFate = 'open';
    if (await codeIsGone(finding, (path) => host.readFile(job.headSha, path))) fate = 'fixed';
    else if (wasDismissed(finding, disputed)) fate = 'dismissed';
    const { fingerprint, category } = finding.marker;
    outcomes.push({ fingerprint, path: finding.path, category: category ?? 'unknown', fate });
    if (fate !== 'open') fates.set(fingerprint, fate);
  }
  await store.recordOutcomes(repositoryKey(job), job.pullNumber, outcomes);
  const learned = (await learns(job, ports)) ? await recordFeedbackSignals(ports, job, findings, fates) : 0;
  return `recorded ${outcomes.length} outcomes${learned > 0 ? ` and ${learned} signals` : ''}`;
}

/**
 * Whether to learn from this pull request: Sift remembered findings it posted here (it learns only
 * from those) and the base branch's configuration still has `learning` on.
 */
async function learns(job: JobOfKind<'outcome'>, ports: JobPorts): Promise<boolean> {
  if (!job.baseRef) return false;
  const remembered = await ports.store.postedFindings(learningScope(job), job.pullNumber);
  return remembered.length > 0 && (await ports.host.readConfig(job.baseRef)).config.learning;
}
