import type { FindingTraits } from '../review/learnings/learning-types.js';
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
  const remembered = await rememberedIfLearning(job, ports);
  const learned = remembered ? await recordFeedbackSignals(ports, job, findings, { fates, remembered }) : 0;
  return `recorded ${outcomes.length} outcomes${learned > 0 ? ` and ${learned} signals` : ''}`;
}

/**
 * What Sift remembers of the findings it posted here, when it learns from this pull request: it
 * learns only from those, and only while the base branch's configuration has `learning` on.
 */
async function rememberedIfLearning(
  job: JobOfKind<'outcome'>,
  ports: JobPorts,
): Promise<readonly FindingTraits[] | null> {
  if (!job.baseRef) return null;
  const remembered = await ports.store.postedFindings(learningScope(job), job.pullNumber);
  if (remembered.length === 0) return null;
  return (await ports.host.readConfig(job.baseRef)).config.learning ? remembered : null;
}
