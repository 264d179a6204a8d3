import { distilConvention } from '../review/learnings/distil-convention.js';
import type { Convention, FeedbackSignal } from '../review/learnings/learning-types.js';
import { roleOf } from '../review/learnings/signals-of.js';
import type { ReviewThread } from '../review/pull-request-host.js';
import type { FindingMarker } from '../review/types.js';
import { canWrite } from './can-write.js';
import type { JobPorts } from './job-ports.js';
import { learningScope } from './learn-from-feedback.js';
import type { ReplyAnswer } from './reply-answer-schema.js';
import type { JobOfKind } from './sift-job.js';

/**
 * What Sift learns from a reply in one of its threads, when the base branch's configuration has
 * `learning` on:
 * - a dispute the model accepted becomes a signal against the finding, weighed by who disputed it;
 * - a convention the model distilled from the reply becomes a learning of the repository — only
 *   from someone with write access (the author of a pull request on a public repository may be
 *   anyone), and never from a thread where someone addressed an AI reviewer (`planted`).
 * Returns the convention kept, for the answer to show; null when none was.
 */
export async function learnFromReply(
  job: JobOfKind<'conversation'>,
  ports: JobPorts,
  input: {
    readonly thread: ReviewThread;
    readonly marker: FindingMarker;
    readonly answer: ReplyAnswer;
    readonly planted: boolean;
  },
): Promise<Convention | null> {
  const { answer } = input;
  const disputed = answer.stance === 'disputes' && answer.findingStands === false;
  if (!job.baseRef || (!disputed && answer.convention === null)) return null;
  if (!(await ports.host.readConfig(job.baseRef)).config.learning) return null;
  const scope = learningScope(job);
  const writer = job.author === job.pullAuthor ? canWrite(await ports.host.permissionOf(job.author)) : true;
  const people = { pullNumber: job.pullNumber, pullAuthor: job.pullAuthor, authorCanWrite: writer };
  if (disputed) {
    const finding = (await ports.store.postedFindings(scope, job.pullNumber)).find(
      (item) => item.fingerprint === input.marker.fingerprint,
    );
    const role = roleOf(job.author, people);
    if (finding && role !== 'author') {
      const signal: FeedbackSignal = {
        pullNumber: job.pullNumber,
        kind: 'disputed',
        by: job.author,
        role,
        at: ports.now(),
        finding,
      };
      await ports.store.recordSignals(scope, [signal]);
    }
  }
  if (!writer || input.planted) return null;
  const convention = distilConvention(answer, {
    repository: scope.repository,
    pullNumber: job.pullNumber,
    commentId: job.replyCommentId,
    repositoryUrl: input.thread.repositoryUrl,
    by: job.author,
    at: ports.now(),
  });
  if (convention) await ports.store.recordConvention(scope, convention);
  return convention;
}
